CREATE TABLE `locality_neighbours` (
	`locality_id` integer NOT NULL,
	`neighbour_id` integer NOT NULL,
	PRIMARY KEY(`locality_id`, `neighbour_id`),
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`neighbour_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `organisation_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`coordinator_name` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`street_address` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`post_office` text DEFAULT '' NOT NULL,
	`privacy_contact` text DEFAULT '' NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
ALTER TABLE `applications` ADD `postal_street` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `postal_code` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `post_office` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `transport_state` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `transport_means` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `invitations` ADD `letter_posted_sequence` integer;--> statement-breakpoint
ALTER TABLE `invitations` ADD `letter_posted_at` integer;