-- Enrolments placed before this migration count as placed from when they were queued, and those
-- withdrawn as withdrawn at their last change: the best the earlier rows can tell (hand-written, at the end).
CREATE TABLE `attendance` (
	`session_id` integer NOT NULL,
	`enrollment_id` integer NOT NULL,
	`mark` text NOT NULL,
	`marked_by` integer,
	`marked_by_name` text NOT NULL,
	`marked_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `enrollment_id`),
	FOREIGN KEY (`session_id`) REFERENCES `course_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`marked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `attendance_enrollment_idx` ON `attendance` (`enrollment_id`);--> statement-breakpoint
CREATE TABLE `session_leaders` (
	`session_id` integer NOT NULL,
	`instructor_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `instructor_id`),
	FOREIGN KEY (`session_id`) REFERENCES `course_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_leaders_instructor_idx` ON `session_leaders` (`instructor_id`);--> statement-breakpoint
ALTER TABLE `enrollments` ADD `placed_at` integer;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `drop_out_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `attended_sessions` integer;--> statement-breakpoint
ALTER TABLE `programs` ADD `last_joining_session` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
UPDATE `enrollments` SET `placed_at` = `queued_at` WHERE `state` IN ('placed', 'completed');--> statement-breakpoint
UPDATE `enrollments` SET `withdrawn_at` = `updated_at` WHERE `state` = 'withdrawn';
