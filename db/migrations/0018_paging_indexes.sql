CREATE INDEX `courses_deciding_idx` ON `courses` (`status`,`go_no_go_date`);--> statement-breakpoint
CREATE INDEX `enrollments_application_idx` ON `enrollments` (`application_id`);--> statement-breakpoint
CREATE INDEX `instructors_name_idx` ON `instructors` (`name`);--> statement-breakpoint
CREATE INDEX `invitations_letters_idx` ON `invitations` (`email`,`state`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_state_created_idx` ON `outbox` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `terms_starts_idx` ON `terms` (`starts_on`);--> statement-breakpoint
CREATE INDEX `unconfirmed_submissions_open_idx` ON `unconfirmed_submissions` (`reviewed_at`,`received_at`);