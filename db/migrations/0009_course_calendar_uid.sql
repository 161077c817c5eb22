-- Courses that already exist keep the UID their invitations were sent with, so calendars update
-- the same series; new courses get a globally unique one when they are created.
ALTER TABLE `courses` ADD `calendar_uid` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `courses` SET `calendar_uid` = 'kurssipolku-course-' || `id` || '@kurssipolku';--> statement-breakpoint
CREATE UNIQUE INDEX `courses_calendar_uid_unique` ON `courses` (`calendar_uid`);
