-- Feed tokens were stored readable; they cannot be hashed in SQL, so every feed is dropped and its owner renews it.
DELETE FROM `calendar_feeds`;--> statement-breakpoint
ALTER TABLE `calendar_feeds` ADD `token_hash` text NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_hash_unique` ON `calendar_feeds` (`token_hash`);