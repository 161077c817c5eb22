ALTER TABLE `applications` ADD `reminders_stopped_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `channel` text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `recipient_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `reminder_session_id` integer REFERENCES course_sessions(id);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_reminder_idx` ON `outbox` (`reminder_session_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `outbox_channel_created_idx` ON `outbox` (`channel`,`created_at`);