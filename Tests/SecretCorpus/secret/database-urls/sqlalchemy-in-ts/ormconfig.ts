import { DataSource } from 'typeorm';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: 'postgres://typeorm:tcAhr8DlfjWlV5mD0t@pg.internal:5432/app',
  synchronize: false,
  entities: ['dist/entities/*.js'],
});
