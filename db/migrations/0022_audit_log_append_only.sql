-- The audit trail is append-only: no statement may change an entry, and only the retention
-- rule's age may delete one. The age is measured from the newest entry (the retention job writes
-- its own entry first), not from SQLite's clock, so the rule holds under the app's injected clock;
-- a year is 365 days here, so the trigger is never stricter than the job's calendar years.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log entries cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_delete_only_when_expired` BEFORE DELETE ON `audit_log`
WHEN OLD.`at` > (SELECT MAX(`at`) FROM `audit_log`) - 1000 * 60 * 60 * 24 * 365 * COALESCE((SELECT `audit_years` FROM `retention_settings` WHERE `id` = 1), 5)
BEGIN
	SELECT RAISE(ABORT, 'audit_log entries are kept for the retention period');
END;
