ALTER TABLE `categories` ADD `auto_dispatch` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `overdue_at` integer;