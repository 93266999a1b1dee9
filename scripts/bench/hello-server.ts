/**
 * The baseline of the HTTP benchmarks: a plain Fastify hello-world route, in its own process, on
 * 127.0.0.1 at the port given as the first argument. Measured with the same load settings as the real
 * server, it turns a machine-dependent figure into a ratio.
 */
import Fastify from 'fastify';

const port = Number(process.argv[2]);
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port, host: '127.0.0.1' });
// Dies with the benchmark that started it.
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
