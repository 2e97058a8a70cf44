import { parseArgs } from 'node:util';
import { findAgency } from '../agencies/repository.js';
import { CalendarService } from '../calendar/service.js';
import { loadConfig, reminderConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { Reminders } from '../reminders/service.js';
import { USER_ERROR, type CliIo } from './io.js';

const calendarUsage = 'Usage: prongsai calendar --agency <code|slug> --year <พ.ศ.>';
const remindersUsage = 'Usage: prongsai reminders send [--day YYYY-MM-DD]   (mail through PRONGSAI_SMTP_URL)';

/** `prongsai calendar`: an agency's milestones of a fiscal year, with their dates and state. */
export async function runCalendar(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { agency: { type: 'string' }, year: { type: 'string' } } });
  const year = Number(values.year);
  if (!values.agency || !Number.isInteger(year) || year < 2500) {
    io.stderr.write(`${calendarUsage}\n`);
    return USER_ERROR;
  }
  const db = await openDatabase(loadConfig().databaseUrl);
  try {
    const agency = await findAgency(db.kysely, values.agency);
    if (!agency) {
      io.stderr.write(`no agency ${values.agency}\n`);
      return USER_ERROR;
    }
    for (const m of await new CalendarService(db.kysely).milestones(null, agency, year)) {
      io.stdout.write(`${m.dueOn}\t${m.state.padEnd(8)}\t${m.source.padEnd(7)}\t${m.nameTh}\n`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

/** `prongsai reminders send`: makes a day's notices and sends its digests now (for a cron job, or to catch up). */
export async function runReminders(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { day: { type: 'string' } } });
  if (positionals[0] !== 'send' || (values.day && !/^\d{4}-\d{2}-\d{2}$/.test(values.day))) {
    io.stderr.write(`${remindersUsage}\n`);
    return USER_ERROR;
  }
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl);
  const reminders = new Reminders(db.kysely, db.engine, { ...reminderConfig(), scheduled: false }, config.publicUrl);
  try {
    await reminders.start();
    const queued = await reminders.scheduleDay(values.day);
    await reminders.idle();
    io.stdout.write(
      `${queued} digest(s) queued and sent${config.reminders?.smtpUrl ? '' : ' (no PRONGSAI_SMTP_URL: notices in the app only)'}\n`,
    );
    return 0;
  } finally {
    await reminders.stop();
    await db.close();
  }
}
