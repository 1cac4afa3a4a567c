// Admin endpoints under /__emulator/ for tests and people: reset, snapshot, call counts, faults,
// forced session expiry, settings (daily limit, usage, token lifetime, restricted stages, state and
// country picklists), stages, record types and users. They need no Salesforce token and are not
// part of the REST API.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { OrgHolder } from '../org/org-holder.js';
import type { OrgSnapshot } from '../org/org.js';
import { SalesforceError } from '../org/salesforce-error.js';
import { parseStage } from '../schema/opportunity-stages.js';
import type { ApiUsage } from './api-usage.js';
import { faultSettingsSchema, NO_FAULTS, type FaultInjector } from './faults.js';
import type { SessionStore } from './sessions.js';

export interface AdminDependencies {
  holder: OrgHolder;
  usage: ApiUsage;
  sessions: SessionStore;
  faults: FaultInjector;
  /** A brand-new org built from the start options. */
  freshOrg: () => OrgHolder['org'];
  /** An org restored from a snapshot with the start options. */
  restoredOrg: (snapshot: OrgSnapshot) => OrgHolder['org'];
}

const settingsSchema = z
  .object({
    dailyApiLimit: z.number().int().min(0),
    apiUsage: z.number().int().min(0),
    tokenLifetimeSeconds: z.number().positive(),
    stageNameRestricted: z.boolean(),
    stateCountryPicklists: z.boolean(),
  })
  .partial()
  .strict();

const recordTypeSchema = z.object({ objectName: z.string().min(1), developerName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), label: z.string().min(1).optional() }).strict();

const userSchema = z
  .object({
    username: z.string().min(1),
    active: z.boolean().optional(),
    firstName: z.string().min(1).optional(),
    lastName: z.string().min(1).optional(),
    email: z.string().min(1).optional(),
  })
  .strict();

const snapshotSchema = z.object({ format: z.literal('forcebridge-emulator-org/1') }).passthrough();

class AdminInputError extends Error {}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new AdminInputError(result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  return result.data;
}

export function createAdminRouter(dependencies: AdminDependencies): Router {
  const { holder, usage, sessions, faults } = dependencies;
  const router = express.Router();
  router.use(express.json({ limit: '500mb' }));

  const settings = () => ({
    dailyApiLimit: usage.dailyLimit,
    apiUsage: usage.used,
    tokenLifetimeSeconds: sessions.lifetimeSeconds,
    stageNameRestricted: holder.org.metadata.stageNameRestricted,
    stateCountryPicklists: holder.org.metadata.stateCountryPicklists,
  });

  router.post('/reset', (_req: Request, res: Response) => {
    holder.replace(dependencies.freshOrg());
    usage.resetCounts();
    res.status(204).end();
  });

  router.get('/snapshot', (_req: Request, res: Response) => {
    res.json(holder.org.snapshot());
  });
  router.put('/snapshot', (req: Request, res: Response) => {
    parse(snapshotSchema, req.body);
    holder.replace(dependencies.restoredOrg(req.body as OrgSnapshot));
    res.status(204).end();
  });

  router.get('/calls', (_req: Request, res: Response) => {
    res.json({ used: usage.used, dailyLimit: usage.dailyLimit, byEndpoint: usage.callsByEndpoint() });
  });

  router.get('/faults', (_req: Request, res: Response) => {
    res.json(faults.settings);
  });
  router.post('/faults', (req: Request, res: Response) => {
    faults.configure(parse(faultSettingsSchema.partial(), req.body));
    res.json(faults.settings);
  });
  router.delete('/faults', (_req: Request, res: Response) => {
    faults.configure(NO_FAULTS);
    res.json(faults.settings);
  });

  router.post('/sessions/expire', (_req: Request, res: Response) => {
    sessions.expireAll();
    res.status(204).end();
  });

  router.get('/settings', (_req: Request, res: Response) => {
    res.json(settings());
  });
  router.patch('/settings', (req: Request, res: Response) => {
    const changes = parse(settingsSchema, req.body);
    if (changes.dailyApiLimit !== undefined) usage.dailyLimit = changes.dailyApiLimit;
    if (changes.apiUsage !== undefined) usage.used = changes.apiUsage;
    if (changes.tokenLifetimeSeconds !== undefined) sessions.lifetimeSeconds = changes.tokenLifetimeSeconds;
    if (changes.stageNameRestricted !== undefined) holder.org.metadata.stageNameRestricted = changes.stageNameRestricted;
    if (changes.stateCountryPicklists !== undefined) holder.org.setStateCountryPicklists(changes.stateCountryPicklists);
    res.json(settings());
  });

  router.post('/stages', (req: Request, res: Response) => {
    const { stage } = parse(z.object({ stage: z.string().min(1) }).strict(), req.body);
    let parsed;
    try {
      parsed = parseStage(stage);
    } catch (error) {
      throw new AdminInputError((error as Error).message);
    }
    holder.org.defineStage(parsed);
    res.status(201).json(parsed);
  });

  router.post('/record-types', (req: Request, res: Response) => {
    const spec = parse(recordTypeSchema, req.body);
    res.status(201).json(holder.org.addRecordType(spec));
  });

  router.post('/users', (req: Request, res: Response) => {
    res.status(201).json(holder.org.addUser(parse(userSchema, req.body)));
  });

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof AdminInputError || error instanceof SalesforceError) res.status(400).json({ error: error.message });
    else if ((error as { type?: unknown }).type === 'entity.parse.failed') res.status(400).json({ error: 'The body is not valid JSON' });
    else next(error);
  });
  return router;
}
