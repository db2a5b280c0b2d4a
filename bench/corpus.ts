/**
 * A deterministic corpus of realistic compose projects and Dockerfiles for the
 * benchmark and the robustness tests. Same seed, same files, on every machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, deterministic, good enough for picking templates.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface ServiceTemplate {
  name: string;
  lines: (random: Random, named: boolean) => string[];
  volume?: string;
}

const TEMPLATES: ServiceTemplate[] = [
  {
    name: 'db',
    volume: 'db-data',
    lines: (r, named) => [
      `    image: ${pick(r, ['postgres:16', 'postgres:15-alpine', 'postgres:18', 'docker.io/library/postgres:17'])}`,
      '    environment:',
      '      POSTGRES_USER: app',
      '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-example}',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "pg_isready -U app"]',
      '      interval: 10s',
      ...(named ? ['    volumes:', '      # PostgreSQL data', '      - db-data:/var/lib/postgresql/data'] : []),
    ],
  },
  {
    name: 'mysql',
    volume: 'mysql-data',
    lines: (r, named) => [
      `    image: ${pick(r, ['mysql:8.4', 'mariadb:11', 'mysql:5.7'])}`,
      '    command: --default-authentication-plugin=mysql_native_password',
      '    environment:',
      '      - MYSQL_ROOT_PASSWORD=secret',
      '      - MYSQL_DATABASE=app',
      ...(named ? ['    volumes:', '      - mysql-data:/var/lib/mysql', '      - ./initdb:/docker-entrypoint-initdb.d:ro'] : ['    volumes:', '      - ./initdb:/docker-entrypoint-initdb.d']),
    ],
  },
  {
    name: 'cache',
    lines: (r) => [`    image: ${pick(r, ['redis:7-alpine', 'valkey/valkey:8', 'memcached:1.6'])}`, '    restart: unless-stopped'],
  },
  {
    name: 'web',
    lines: (r) => [
      '    build:',
      '      context: .',
      '      dockerfile: Dockerfile',
      '    ports:',
      `      - "${8000 + Math.floor(r() * 1000)}:8000"`,
      '    env_file: .env',
      '    depends_on:',
      '      - db',
      '    volumes:',
      '      - ./src:/app/src',
    ],
  },
  {
    name: 'proxy',
    lines: () => ['    image: nginx:1.27-alpine', '    ports:', '      - "80:80"', '      - "443:443"', '    volumes:', '      - ./nginx.conf:/etc/nginx/nginx.conf', '      - ./certs:/etc/nginx/certs:ro'],
  },
  {
    name: 'mongo',
    volume: 'mongo-data',
    lines: (_r, named) => ['    image: mongo:7', '    command: ["mongod", "--bind_ip_all"]', ...(named ? ['    volumes:', '      - mongo-data:/data/db'] : ['    tmpfs:', '      - /data/db'])],
  },
  {
    name: 'worker',
    lines: (r) => ['    build: ./worker', `    command: ${pick(r, ['celery -A app worker', 'node worker.js', 'python -m jobs'])}`, '    environment:', '      QUEUE_URL: redis://cache:6379/0', '    deploy:', '      replicas: 2'],
  },
];

export interface CorpusFile {
  path: string;
  text: string;
}

export function composeProject(random: Random, index: number): CorpusFile[] {
  const count = 2 + Math.floor(random() * 5);
  const chosen = new Map<string, ServiceTemplate>();
  while (chosen.size < count) {
    const t = pick(random, TEMPLATES);
    chosen.set(t.name, t);
  }
  const volumes: string[] = [];
  const lines = [`# project ${index}`, 'services:'];
  for (const t of chosen.values()) {
    const named = random() < 0.6;
    lines.push(`  ${t.name}:`, ...t.lines(random, named), '');
    if (named && t.volume) volumes.push(t.volume);
  }
  if (volumes.length > 0) lines.push('volumes:', ...volumes.map((v) => `  ${v}:`));
  const dir = `project-${String(index).padStart(3, '0')}`;
  const files: CorpusFile[] = [{ path: `${dir}/compose.yaml`, text: lines.join('\n') + '\n' }];
  if (random() < 0.5) files.push({ path: `${dir}/compose.override.yaml`, text: 'services:\n  web:\n    volumes:\n      - .:/app\n' });
  if (random() < 0.3) files.push({ path: `${dir}/compose.prod.yaml`, text: 'services:\n  web:\n    restart: always\n    environment:\n      NODE_ENV: production\n' });
  if (chosen.has('web')) files.push({ path: `${dir}/Dockerfile`, text: dockerfile(random) });
  if (random() < 0.5) files.push({ path: `${dir}/.env`, text: 'POSTGRES_PASSWORD=example\nTAG=1.2.3\n' });
  return files;
}

export function dockerfile(random: Random): string {
  const base = pick(random, ['node:20-alpine', 'python:3.12-slim', 'golang:1.23 AS build', 'postgres:16']);
  const lines = [`FROM ${base}`, 'ARG APP_HOME=/app', 'ENV APP_HOME=${APP_HOME}', 'WORKDIR ${APP_HOME}', 'COPY package*.json ./', 'RUN npm ci --omit=dev && mkdir -p /app/uploads'];
  if (random() < 0.4) lines.push('VOLUME ["/app/uploads"]');
  if (random() < 0.3) lines.push('RUN echo "seed" > /app/uploads/seed.txt');
  lines.push('COPY . .', 'EXPOSE 8000', 'CMD ["node", "server.js"]');
  return lines.join('\n') + '\n';
}

/** One compose file with `services` services (the large-file cases). */
export function largeCompose(services: number): string {
  const lines = ['services:'];
  const volumes: string[] = [];
  for (let i = 0; i < services; i++) {
    const kind = i % 4;
    lines.push(`  svc${i}:`);
    if (kind === 0) {
      lines.push('    image: postgres:16', '    environment:', `      POSTGRES_DB: db${i}`, '    volumes:', `      - data${i}:/var/lib/postgresql/data`);
      volumes.push(`  data${i}:`);
    } else if (kind === 1) lines.push('    image: redis:7', '    command: redis-server --appendonly yes', '    ports:', `      - "${10000 + i}:6379"`);
    else if (kind === 2) lines.push('    image: nginx:1.27', '    volumes:', '      - ./conf/nginx.conf:/etc/nginx/nginx.conf:ro');
    else lines.push('    build: ./app', '    depends_on:', `      - svc${i - 3}`);
    lines.push('    restart: unless-stopped', '    logging: {driver: json-file}');
  }
  return [...lines, 'volumes:', ...volumes].join('\n') + '\n';
}

export function generateCorpus(seed = 42, projects = 220): CorpusFile[] {
  const random = rng(seed);
  const files: CorpusFile[] = [];
  for (let i = 0; i < projects; i++) files.push(...composeProject(random, i));
  files.push({ path: 'large/compose.yaml', text: largeCompose(2000) });
  return files;
}

export function writeCorpus(root: string, files: readonly CorpusFile[]): void {
  for (const file of files) {
    const full = path.join(root, file.path);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, file.text);
  }
}
