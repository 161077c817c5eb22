CREATE TABLE `meeting_action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner_user_id` integer,
	`owner_name` text NOT NULL,
	`due_date` text NOT NULL,
	`done_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_action_items_meeting_idx` ON `meeting_action_items` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_action_items_open_idx` ON `meeting_action_items` (`done_at`,`due_date`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`user_id` integer,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`sent_sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_attendees_email_idx` ON `meeting_attendees` (`meeting_id`,`email`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`local_date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`online_link` text DEFAULT '' NOT NULL,
	`agenda` text DEFAULT '' NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`decisions` text DEFAULT '' NOT NULL,
	`minutes_written_at` integer,
	`minutes_sent_at` integer,
	`calendar_uid` text NOT NULL,
	`schedule_sequence` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_calendar_uid_unique` ON `meetings` (`calendar_uid`);--> statement-breakpoint
CREATE INDEX `meetings_starts_idx` ON `meetings` (`status`,`starts_at`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `meeting_id` integer REFERENCES meetings(id);