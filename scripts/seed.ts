import { loadConfig } from '../server/config';
import { openDataDirDatabase } from '../server/db/client';
import { isDatabaseEmpty, loadDemoCity } from './seed/load-demo-city';

// npm run seed: create and migrate the database in DATA_DIR and load the demo city into it.
const config = loadConfig();
const db = openDataDirDatabase(config);
if (!isDatabaseEmpty(db)) {
  console.error(`${config.dbPath} already holds a city. Remove the data directory to start over.`);
  process.exit(1);
}
const started = Date.now();
const summary = await loadDemoCity(db, {
  now: Date.now(),
  photoDir: config.photoDir,
  sessionSecret: config.sessionSecret,
});
db.$client.close();
console.log(`Demo city loaded into ${config.dbPath} in ${Date.now() - started} ms:`, summary);
