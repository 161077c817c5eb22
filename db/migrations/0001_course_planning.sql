CREATE TABLE `blocked_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `course_instructors` (
	`course_id` integer NOT NULL,
	`instructor_id` integer NOT NULL,
	PRIMARY KEY(`course_id`, `instructor_id`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `course_instructors_instructor_idx` ON `course_instructors` (`instructor_id`);--> statement-breakpoint
CREATE TABLE `course_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`local_date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`series_date` text NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `course_sessions_course_idx` ON `course_sessions` (`course_id`,`ordinal`);--> statement-breakpoint
CREATE INDEX `course_sessions_time_idx` ON `course_sessions` (`starts_at`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`term_id` integer NOT NULL,
	`locality_id` integer NOT NULL,
	`venue_id` integer,
	`audience` text DEFAULT 'open' NOT NULL,
	`target_service` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`cancellation_reason` text DEFAULT '' NOT NULL,
	`go_no_go_date` text NOT NULL,
	`weekly_start_time` text NOT NULL,
	`schedule_sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`term_id`) REFERENCES `terms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `courses_term_idx` ON `courses` (`term_id`,`locality_id`);--> statement-breakpoint
CREATE TABLE `instructor_localities` (
	`instructor_id` integer NOT NULL,
	`locality_id` integer NOT NULL,
	PRIMARY KEY(`instructor_id`, `locality_id`),
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `instructors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`employer_unit` text DEFAULT '' NOT NULL,
	`user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instructors_user_id_unique` ON `instructors` (`user_id`);--> statement-breakpoint
CREATE TABLE `programs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_fi` text NOT NULL,
	`name_en` text NOT NULL,
	`session_count` integer DEFAULT 6 NOT NULL,
	`session_minutes` integer DEFAULT 150 NOT NULL,
	`interval_weeks` integer DEFAULT 1 NOT NULL,
	`min_participants` integer DEFAULT 8 NOT NULL,
	`max_participants` integer DEFAULT 14 NOT NULL,
	`completion_threshold` integer DEFAULT 4 NOT NULL,
	`has_info_session` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`target_courses_min` integer DEFAULT 2 NOT NULL,
	`target_courses_max` integer DEFAULT 4 NOT NULL,
	`target_instructors_min` integer DEFAULT 4 NOT NULL,
	`target_instructors_max` integer DEFAULT 6 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terms_name_unique` ON `terms` (`name`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`locality_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'in-person' NOT NULL,
	`street_address` text DEFAULT '' NOT NULL,
	`capacity` integer,
	`step_free_access` integer DEFAULT false NOT NULL,
	`hearing_loop` integer DEFAULT false NOT NULL,
	`accessibility_notes` text DEFAULT '' NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`locality_id`) REFERENCES `localities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `venues_locality_idx` ON `venues` (`locality_id`);