CREATE TABLE `security_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`require_totp` integer DEFAULT false NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
CREATE TABLE `totp_recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `totp_recovery_codes_user_idx` ON `totp_recovery_codes` (`user_id`);--> statement-breakpoint
CREATE TABLE `unconfirmed_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`source` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`municipality` text DEFAULT '' NOT NULL,
	`good_times_to_call` text DEFAULT '' NOT NULL,
	`referrer_name` text DEFAULT '' NOT NULL,
	`referrer_unit` text DEFAULT '' NOT NULL,
	`referrer_contact` text DEFAULT '' NOT NULL,
	`received_at` integer NOT NULL,
	`reviewed_at` integer,
	`reviewed_by` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `unconfirmed_submissions_application_idx` ON `unconfirmed_submissions` (`application_id`);--> statement-breakpoint
DROP INDEX `calendar_feeds_token_unique`;--> statement-breakpoint
ALTER TABLE `calendar_feeds` DROP COLUMN `token`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `application_id` integer REFERENCES applications(id);--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_until` integer;--> statement-breakpoint
CREATE INDEX `outbox_application_idx` ON `outbox` (`application_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `user_agent` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `awaiting_second_factor` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `disabled_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_pending_secret` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_enabled_at` integer;