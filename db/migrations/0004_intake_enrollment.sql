CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`municipality` text DEFAULT '' NOT NULL,
	`preferred_course_id` integer,
	`locality_id` integer,
	`good_times_to_call` text DEFAULT '' NOT NULL,
	`consent_at` integer,
	`consent_recorded_by` integer,
	`referrer_name` text DEFAULT '' NOT NULL,
	`referrer_unit` text DEFAULT '' NOT NULL,
	`referrer_contact` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'to-call' NOT NULL,
	`call_reason` text DEFAULT 'intake' NOT NULL,
	`close_reason` text,
	`close_note` text DEFAULT '' NOT NULL,
	`call_due_at` integer NOT NULL,
	`assigned_instructor_id` integer,
	`language` text DEFAULT 'fi' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`preferred_course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assigned_instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `applications_queue_idx` ON `applications` (`state`,`call_due_at`);--> statement-breakpoint
CREATE INDEX `applications_phone_idx` ON `applications` (`phone`);--> statement-breakpoint
CREATE INDEX `applications_email_idx` ON `applications` (`email`);--> statement-breakpoint
CREATE TABLE `call_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`at` integer NOT NULL,
	`outcome` text NOT NULL,
	`call_back_at` integer,
	`by_user_id` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `call_attempts_application_idx` ON `call_attempts` (`application_id`,`at`);--> statement-breakpoint
CREATE TABLE `deletion_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer,
	`requested_at` integer NOT NULL,
	`handled_at` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `enrollments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`state` text NOT NULL,
	`queued_at` integer NOT NULL,
	`moved_up_reason` text DEFAULT '' NOT NULL,
	`withdrawn_reason` text DEFAULT '' NOT NULL,
	`withdrawn_by` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrollments_course_application_idx` ON `enrollments` (`course_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `enrollments_course_state_idx` ON `enrollments` (`course_id`,`state`,`queued_at`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`at` integer NOT NULL,
	`by_user_id` integer,
	`can_attend_all` text NOT NULL,
	`suitable_times` text DEFAULT '' NOT NULL,
	`needs` text DEFAULT '' NOT NULL,
	`other_needs` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`outcome` text NOT NULL,
	`outcome_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `participant_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participant_links_token_hash_unique` ON `participant_links` (`token_hash`);--> statement-breakpoint
CREATE TABLE `public_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `public_submissions_address_idx` ON `public_submissions` (`address`,`at`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `application_id` integer;