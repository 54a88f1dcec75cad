import { Extensions1764300000000 } from './1764300000000-Extensions';
import { Foundation1795829766730 } from './1795829766730-Foundation';
import { AuditChain1795829800000 } from './1795829800000-AuditChain';
import { ReferralIntake1795831829358 } from './1795831829358-ReferralIntake';
import { CaseManagement1795837931381 } from './1795837931381-CaseManagement';
import { Administration1795838990882 } from './1795838990882-Administration';
import { ReferralEventActions1795841000000 } from './1795841000000-ReferralEventActions';
import { OutcomeReports1795850000000 } from './1795850000000-OutcomeReports';
import { ListsAtScale1795860000000 } from './1795860000000-ListsAtScale';
import { YouthNameSearch1795861000000 } from './1795861000000-YouthNameSearch';
import { TasksAtScale1795862000000 } from './1795862000000-TasksAtScale';
import { ReportFacts1795870000000 } from './1795870000000-ReportFacts';

/** Every migration, in order. The TypeORM CLI generates files here; add each new class to this list. */
export const MIGRATIONS = [
  Extensions1764300000000,
  Foundation1795829766730,
  AuditChain1795829800000,
  ReferralIntake1795831829358,
  CaseManagement1795837931381,
  Administration1795838990882,
  ReferralEventActions1795841000000,
  OutcomeReports1795850000000,
  ListsAtScale1795860000000,
  YouthNameSearch1795861000000,
  TasksAtScale1795862000000,
  ReportFacts1795870000000,
];
