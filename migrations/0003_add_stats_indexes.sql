CREATE INDEX `report_events_created_idx` ON `report_events` (`created_at`);--> statement-breakpoint
CREATE INDEX `reports_resolved_idx` ON `reports` (`resolved_at`);--> statement-breakpoint
CREATE INDEX `reports_rated_idx` ON `reports` (`rated_at`);