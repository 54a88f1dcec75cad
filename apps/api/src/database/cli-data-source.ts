// Data source for the TypeORM CLI (migration:generate / migration:run); see CONTRIBUTING.md.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL (npm run db:url prints the embedded one)');
export default new DataSource(dataSourceOptions(url));
