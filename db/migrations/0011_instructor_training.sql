-- Hand-edited: the added reference columns keep the schema's ON DELETE SET NULL, which drizzle-kit
-- leaves out of ALTER TABLE ... ADD.
CREATE TABLE `candidate_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`step` text NOT NULL,
	`at` integer NOT NULL,
	`by_user_id` integer,
	`by_name` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `training_candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `candidate_history_candidate_idx` ON `candidate_history` (`candidate_id`,`at`);--> statement-breakpoint
CREATE TABLE `training_candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`profession` text DEFAULT '' NOT NULL,
	`took_arvo_course` text DEFAULT 'unknown' NOT NULL,
	`supervisor_name` text DEFAULT '' NOT NULL,
	`supervisor_unit` text DEFAULT '' NOT NULL,
	`supervisor_contact` text DEFAULT '' NOT NULL,
	`consent_at` integer NOT NULL,
	`state` text DEFAULT 'nominated' NOT NULL,
	`call_due_at` integer,
	`training_id` integer,
	`queued_at` integer,
	`completed_on` text,
	`note` text DEFAULT '' NOT NULL,
	`instructor_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `training_candidates_state_idx` ON `training_candidates` (`state`,`call_due_at`);--> statement-breakpoint
CREATE INDEX `training_candidates_training_idx` ON `training_candidates` (`training_id`,`state`,`queued_at`);--> statement-breakpoint
CREATE TABLE `training_days` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`training_id` integer NOT NULL,
	`local_date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `training_days_training_idx` ON `training_days` (`training_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `training_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`training_id` integer NOT NULL,
	`trainer_id` integer,
	`candidate_id` integer,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`sent_sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`trainer_id`) REFERENCES `training_trainers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`candidate_id`) REFERENCES `training_candidates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `training_invitations_training_idx` ON `training_invitations` (`training_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_invitations_trainer_idx` ON `training_invitations` (`training_id`,`trainer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_invitations_candidate_idx` ON `training_invitations` (`training_id`,`candidate_id`);--> statement-breakpoint
CREATE TABLE `training_trainers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`training_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `training_trainers_training_idx` ON `training_trainers` (`training_id`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`cancellation_reason` text DEFAULT '' NOT NULL,
	`venue_id` integer,
	`capacity` integer NOT NULL,
	`calendar_uid` text NOT NULL,
	`schedule_sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trainings_calendar_uid_unique` ON `trainings` (`calendar_uid`);--> statement-breakpoint
ALTER TABLE `instructors` ADD `trained_on` text;--> statement-breakpoint
ALTER TABLE `instructors` ADD `training_id` integer REFERENCES trainings(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `training_id` integer REFERENCES trainings(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `candidate_id` integer REFERENCES training_candidates(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `programs` ADD `preparation_minutes` integer DEFAULT 60 NOT NULL;