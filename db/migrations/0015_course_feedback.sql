CREATE TABLE `course_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`usefulness` integer NOT NULL,
	`everyday_tools` integer NOT NULL,
	`best_thing` text DEFAULT '' NOT NULL,
	`to_improve` text DEFAULT '' NOT NULL,
	`recommend` text NOT NULL,
	`free_text_hidden` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `course_feedback_course_idx` ON `course_feedback` (`course_id`);--> statement-breakpoint
ALTER TABLE `enrollments` ADD `feedback_given` integer DEFAULT false NOT NULL;