import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, parseInput } from '../../domain/app-error';
import type { ResidentsService } from '../residents/residents.service';

const PhotoParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'is not a photo id') });

/** Reads a stored photo variant. */
export interface PhotoReader {
  read(id: string, variant: 'display' | 'thumb'): Promise<Buffer | null>;
}

/** Re-encoded photos, under the public view's rules (a rejected report's photos are not public). */
export function photosRoutes(app: FastifyInstance, residents: ResidentsService, photos: PhotoReader): void {
  const serve = (variant: 'display' | 'thumb') => async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = parseInput(PhotoParam, request.params, 'path');
    const bytes = residents.canSeePhoto(id, request.user) ? await photos.read(id, variant) : null;
    if (!bytes) throw new AppError('not_found', 'No such photo.');
    // Visibility can change (a report rejected later), so caches keep it for a day, not forever.
    return reply.type('image/jpeg').header('Cache-Control', 'private, max-age=86400').send(bytes);
  };
  app.get('/api/photos/:id', serve('display'));
  app.get('/api/photos/:id/thumb', serve('thumb'));
}
