ALTER TABLE `users` ADD `home_region` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `interviews_application_idx` ON `interviews` (`application_id`);