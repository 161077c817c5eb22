CREATE INDEX `courses_go_no_go_idx` ON `courses` (`go_no_go_date`);--> statement-breakpoint
CREATE INDEX `enrollments_withdrawn_idx` ON `enrollments` (`withdrawn_by`,`withdrawn_at`);