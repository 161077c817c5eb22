ALTER TABLE `programs` ADD `name_sv` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `language` text DEFAULT 'fi' NOT NULL;