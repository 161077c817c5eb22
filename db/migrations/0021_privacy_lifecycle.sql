CREATE TABLE `retention_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_on` text NOT NULL,
	`at` integer NOT NULL,
	`by_name` text NOT NULL,
	`applications_anonymised` integer DEFAULT 0 NOT NULL,
	`candidates_anonymised` integer DEFAULT 0 NOT NULL,
	`mail_bodies_pruned` integer DEFAULT 0 NOT NULL,
	`feedback_texts_emptied` integer DEFAULT 0 NOT NULL,
	`audit_rows_deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retention_runs_run_on_unique` ON `retention_runs` (`run_on`);--> statement-breakpoint
CREATE TABLE `retention_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`participant_months` integer DEFAULT 12 NOT NULL,
	`closed_application_months` integer DEFAULT 6 NOT NULL,
	`sent_mail_days` integer DEFAULT 90 NOT NULL,
	`candidate_months` integer DEFAULT 12 NOT NULL,
	`audit_years` integer DEFAULT 5 NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
DROP INDEX `audit_log_subject_idx`;--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject_type`,`subject_id`,`at`);--> statement-breakpoint
ALTER TABLE `applications` ADD `anonymised_at` integer;--> statement-breakpoint
CREATE INDEX `applications_retention_idx` ON `applications` (`anonymised_at`,`state`,`updated_at`);--> statement-breakpoint
ALTER TABLE `course_feedback` ADD `free_text_emptied` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `deletion_requests` ADD `channel` text DEFAULT 'link' NOT NULL;--> statement-breakpoint
ALTER TABLE `deletion_requests` ADD `handled_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `deletion_requests` ADD `told_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `body_pruned_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_prune_idx` ON `outbox` (`body_pruned_at`,`state`,`sent_at`);--> statement-breakpoint
ALTER TABLE `training_candidates` ADD `anonymised_at` integer;