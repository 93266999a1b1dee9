CREATE TABLE `blocked_senders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`hash` text NOT NULL,
	`report_id` integer,
	`reason` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`lifted_at` integer,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `blocked_senders_hash_idx` ON `blocked_senders` (`kind`,`hash`);--> statement-breakpoint
CREATE TABLE `held_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tracking_code` text NOT NULL,
	`input` text NOT NULL,
	`channel` text NOT NULL,
	`api_client` text,
	`photos` text DEFAULT '[]' NOT NULL,
	`receipt` text NOT NULL,
	`reason` text NOT NULL,
	`sender_device` text,
	`sender_address` text,
	`idempotency_key` text,
	`request_hash` text,
	`created_at` integer NOT NULL,
	`state` text DEFAULT 'held' NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	`report_id` integer,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `held_reports_code_uq` ON `held_reports` (`tracking_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `held_reports_key_uq` ON `held_reports` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `held_reports_state_idx` ON `held_reports` (`state`,`created_at`);--> statement-breakpoint
ALTER TABLE `reports` ADD `sender_device` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `sender_address` text;