CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`revoked_at` integer,
	`last_used_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_uq` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_name` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`id`);--> statement-breakpoint
CREATE TABLE `reply_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_code` text,
	`action` text NOT NULL,
	`title_vi` text NOT NULL,
	`title_en` text NOT NULL,
	`text_vi` text NOT NULL,
	`text_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reply_templates_category_idx` ON `reply_templates` (`category_code`,`action`);--> statement-breakpoint
ALTER TABLE `categories` ADD `deadlines_by_priority` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `categories` ADD `public_location` text DEFAULT 'approximate' NOT NULL;--> statement-breakpoint
ALTER TABLE `categories` ADD `resolve_needs_reply` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `categories` ADD `resolve_needs_photo` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `acknowledged_at` integer;