// Every `gongkai` command: its name, bilingual description and options. Building the tree loads none of the
// commands' code: each action imports its module when it runs, so `--help` and `fee` start without the
// database, the use cases or the document libraries.
import type { Command } from 'commander';
import { ROLES } from '../domain/users/roles.js';
import type { CliDeps } from './deps.js';
import type { AddUserOptions, IssueTokenOptions } from './commands/user.js';
import type { FeeOptions } from './commands/fee.js';
import type { MonitorIntegrityOptions } from './commands/monitor-integrity.js';
import type { ExportOptions } from './commands/publications-export.js';
import type { ReportCheckOptions } from './commands/report-check.js';
import type { MonitorCheckOptions } from './commands/monitor.js';
import type { ReportRenderOptions } from './commands/report-render.js';
import type { ReportValidateOptions } from './commands/report-validate.js';
import type { MediaCheckOptions } from './commands/media.js';
import type { MonitorRunOptions } from './commands/monitor-run.js';
import type { AssessOptions } from './commands/assess.js';

/** Runs an action; a number it returns is the run's exit status. */
type Act = <A extends unknown[]>(
  fn: (...args: A) => Promise<number | void> | number | void,
) => (...args: A) => Promise<void>;

/**
 * Adds the commands to the root program.
 * @param act wraps each action (records its exit status)
 */
export function addCommands(program: Command, deps: CliDeps, act: Act): void {
  addSystemCommands(program, deps, act);
  addAccountCommands(program, deps, act);
  addCalendarCommands(program, deps, act);
  addReportCommands(program, deps, act);
  addCaseCommands(program, deps, act);
  addPublicationCommands(program, deps, act);
  addMonitorCommands(program, deps, act);
  addMediaCommands(program, deps, act);
  addAssessCommand(program, deps, act);
}

/** `assess`: the assessment table of a year over a subtree (docs/assessment.md). */
function addAssessCommand(program: Command, deps: CliDeps, act: Act): void {
  program
    .command('assess')
    .description('政务公开考核：按考核方案计算各单位得分 / Assessment table of a year over a subtree')
    .requiredOption('--year <YYYY>', '考核年度 / the year assessed')
    .option('--org <creditCode>', '考核范围：该机构及其下属机构（默认：根机构） / the subtree (default: the root)')
    .option('--scheme <id>', '考核方案编号（默认：该年度已发布的方案，否则默认方案） / the scheme (default: published)')
    .option('--json', '输出 JSON / print JSON')
    .action(act(async (opts: AssessOptions) => (await import('./commands/assess.js')).assess(deps, opts)));
}

/** `monitor …`: website checks (`check` one described site; `integrity` checks this portal itself). */
function addMonitorCommands(program: Command, deps: CliDeps, act: Act): void {
  const monitor = program.command('monitor').description('网站监测 / Website monitoring');
  addMonitorRegistryCommands(monitor, deps, act);
  monitor
    .command('check')
    .description('检查一个网站（不保存结果）/ check one website described by a file (nothing is saved)')
    .argument('<site.json>', '网站描述文件 { name, url, kind?, org?, columns } / the site description')
    .option('--as-of <date>', '以该日期为“今天”判断更新情况（YYYY-MM-DD）/ the date freshness is judged on')
    .option('--json', '输出 JSON Lines：每行一个问题，最后一行为汇总 / JSON Lines: findings, then the summary')
    .action(
      act(async (path: string, options: MonitorCheckOptions) =>
        (await import('./commands/monitor.js')).monitorCheck(deps, path, options),
      ),
    );
  monitor
    .command('integrity')
    .description(
      '核对本门户已发布信息的页面与发布时记录的内容指纹是否一致 / Check that live pages serve what was approved',
    )
    .option('--base <url>', '门户地址（默认：网站设置中的公开网址） / portal address (default: the public address)')
    .option('--json', '输出 JSON Lines / print JSON Lines')
    .option(
      '--record-missing',
      '先为没有记录的已发布信息记录当前内容指纹（升级后一次） / first record unrecorded live items as they are (once)',
    )
    .action(
      act(async (opts: MonitorIntegrityOptions) =>
        (await import('./commands/monitor-integrity.js')).monitorIntegrity(deps, opts),
      ),
    );
}

const system = () => import('./commands/system.js');

function addSystemCommands(program: Command, deps: CliDeps, act: Act): void {
  program
    .command('serve')
    .description('启动网站服务（HOST、PORT 环境变量） / Start the web server (HOST, PORT)')
    .action(act(async () => (await system()).serve(deps)));

  const db = program.command('db').description('数据库 / Database');
  db.command('migrate')
    .description('执行数据库迁移 / Apply pending migrations')
    .action(act(async () => (await system()).migrate(deps)));
  db.command('seed-demo')
    .description('添加示例区演示机构（已有的跳过） / Add the demo district 示例区 (skips what exists)')
    .action(act(async () => (await system()).seedDemo(deps)));

  const audit = program.command('audit').description('审计日志 / Audit trail');
  audit
    .command('verify')
    .description('校验审计日志哈希链 / Verify the audit trail hash chain')
    .option(
      '--against <file>',
      '同时核对锚点文件：所记的记录及其哈希须仍在日志中 / also check an anchor file: its entry and hash must still be there',
    )
    .action(act(async (opts: { against?: string }) => (await system()).verifyAudit(deps, opts)));
  audit
    .command('anchor')
    .description(
      '输出链尾锚点 JSON {seq, hash, at}，请保存在数据库之外 / Print the head anchor {seq, hash, at}; keep it elsewhere',
    )
    .option('--out <file>', '写入文件而非标准输出 / write it to a file instead of standard output')
    .action(act(async (opts: { out?: string }) => (await system()).anchorAudit(deps, opts)));

  program
    .command('backup <file>')
    .description('备份数据库（运行中亦可，一致快照） / Write a consistent backup, also while the server runs')
    .action(act(async (file: string) => (await system()).backup(deps, file)));
  program
    .command('restore <file>')
    .description(
      '从备份恢复（替换全部数据，所有用户退出登录、接口令牌失效） / Restore a backup, replacing all data; signs everyone out and ends every API token',
    )
    .action(act(async (file: string) => (await system()).restore(deps, file)));
}

function addAccountCommands(program: Command, deps: CliDeps, act: Act): void {
  program
    .command('org')
    .description('机构管理 / Organizations')
    .command('list')
    .description('按树形顺序列出机构（根机构在前） / List organizations in tree order, root first')
    .option('--json', '输出 JSON 数组 / print a JSON array')
    .action(act(async (opts: { json?: boolean }) => (await import('./commands/org.js')).listOrganizations(deps, opts)));

  const user = program.command('user').description('账号管理 / Accounts');
  user
    .command('add <username>')
    .description('新建账号，密码从标准输入读取 / Create an account; the password is read from standard input')
    .requiredOption('--org <creditCode>', '所属机构的统一社会信用代码 / credit code of the organization')
    .requiredOption('--role <role...>', `角色，可多个 / one or more roles: ${ROLES.join(', ')}`)
    .option('--display-name <name>', '姓名 / display name', '')
    .option('--password-stdin', '从标准输入读取密码 / read the password from standard input')
    .option('--must-change-password', '首次登录须修改密码 / must change the password at first login')
    .action(
      act(async (username: string, opts: AddUserOptions) =>
        (await import('./commands/user.js')).addUser(deps, username, opts),
      ),
    );
  user
    .command('token <username>')
    .description('为 JSON API 签发访问令牌（只显示一次） / Issue an API token for the JSON API (shown once)')
    .option('--label <label>', "令牌名称（用途） / the token's name (what it is for)", 'cli')
    .option('--scope <scope>', '权限：read 只读（仅 GET/HEAD）或 full 读写 / read (GET/HEAD only) or full', 'full')
    .option('--days <days>', '有效天数（默认 GONGKAI_API_TOKEN_DAYS） / days until it expires (default: the setting)')
    .option('--never', '永不过期 / never expires')
    .action(
      act(async (username: string, opts: IssueTokenOptions) =>
        (await import('./commands/user.js')).issueToken(deps, username, opts),
      ),
    );
  user
    .command('tokens <username>')
    .description(
      '列出账号的访问令牌（编号、名称、权限、到期、最近使用、撤销） / List the API tokens of an account (id, name, scope, expires, last used, revoked)',
    )
    .action(act(async (username: string) => (await import('./commands/user.js')).listTokens(deps, username)));
  user
    .command('revoke-token <id>')
    .description('撤销一个访问令牌 / Revoke one API token')
    .action(act(async (id: string) => (await import('./commands/user.js')).revokeToken(deps, id)));
}

function addCalendarCommands(program: Command, deps: CliDeps, act: Act): void {
  const calendar = () => import('./commands/calendar.js');
  const cal = program.command('calendar').description('工作日日历 / Working-day calendar');
  cal
    .command('add <date> <workingDays>')
    .description(
      '计算某日之后第 n 个工作日（当日不计入） / The n-th working day after a date (the date itself never counts)',
    )
    .action(act(async (date: string, n: string) => (await calendar()).addWorkingDays(deps, date, n)));
  cal
    .command('import <file>')
    .description("导入国务院公布的年度放假安排 / Load a year's official holiday schedule from a file")
    .action(act(async (file: string) => (await calendar()).importCalendar(deps, file)));
}

function addCaseCommands(program: Command, deps: CliDeps, act: Act): void {
  program
    .command('fee')
    .description(
      '计算信息处理费（按件或按量，二者选一） / Compute the information processing fee (per piece or per page, not both)',
    )
    .option(
      '--pieces <n>',
      "按件计收：申请人本月累计件数（含本申请） / per piece: the applicant's pieces this month, this application included",
    )
    .option('--pages <n>', '按量计收：页数 / per page: number of pages')
    .option(
      '--already-charged <n>',
      '按件计收：本月此前已计件数 / per piece: pieces already counted earlier this month',
    )
    .action(act(async (opts: FeeOptions) => (await import('./commands/fee.js')).fee(deps, opts)));

  const applications = () => import('./commands/applications.js');
  const apps = program.command('applications').description('依申请公开 / Disclosure applications');
  apps
    .command('import <file>')
    .description(
      '导入历史申请（CSV，表头 org,receivedOn,channel,applicantType,applicantSubtype,applicantName,description,outcome,closedOn） / Import historical cases from CSV',
    )
    .action(act(async (file: string) => (await applications()).importApplicationHistory(deps, file)));
  apps
    .command('daily')
    .description(
      '执行每日任务：逾期补正/缴费结案、期限提醒、发送邮件（服务运行时自动执行） / Run the daily jobs once: lapses, reminders, outbox',
    )
    .action(act(async () => (await applications()).runDaily(deps)));
}

function addPublicationCommands(program: Command, deps: CliDeps, act: Act): void {
  const catalogue = () => import('./commands/catalogue.js');
  const cat = program.command('catalogue').description('基层政务公开标准目录 / Standard disclosure catalogue');
  cat
    .command('import <creditCode> <file>')
    .description('导入标准目录（XLSX，各领域一个工作表，按政府公布的表格格式） / Import the catalogue from XLSX')
    .action(
      act(async (creditCode: string, file: string) =>
        (await catalogue()).importStandardCatalogue(deps, creditCode, file),
      ),
    );
  cat
    .command('export <creditCode> <file>')
    .description('导出标准目录为 XLSX（各领域一个工作表） / Export the catalogue to XLSX')
    .action(
      act(async (creditCode: string, file: string) =>
        (await catalogue()).exportStandardCatalogue(deps, creditCode, file),
      ),
    );

  const pubs = program.command('publications').description('主动公开信息 / Proactive disclosure publications');
  pubs
    .command('import <file>')
    .description(
      '导入已发布的信息（JSON Lines，每行一个对象：org,title,kind,category?,docNo?,writtenOn,summary?,body,keyAreas?,keywords?,interprets?,indexNo,publishedOn）；有任何一行出错则不导入 / Import already-published items; any bad line rejects the file',
    )
    .option('--dry-run', '只检查，不写入 / check only, write nothing')
    .action(
      act(async (file: string, opts: { dryRun?: boolean }) =>
        (await import('./commands/publications.js')).importPublicationFile(deps, file, opts),
      ),
    );
  pubs
    .command('export')
    .description(
      '导出某一期间主动公开信息的归档包（ZIP，供档案馆、公共图书馆，条例第二十五条） / Export a period’s published items as an archive package (ZIP)',
    )
    .requiredOption('--org <creditCode>', '机关的统一社会信用代码 / the organization’s credit code')
    .requiredOption('--from <date>', '起始日期 YYYY-MM-DD / first day')
    .requiredOption('--to <date>', '截止日期 YYYY-MM-DD / last day')
    .requiredOption('--out <file.zip>', '输出文件 / output file')
    .option(
      '--kinds <list>',
      '体裁，逗号分隔（rule,normative,other_document,interpretation,news,other） / kinds, comma-separated',
    )
    .option('--subtree', '包括所属机构 / include subordinate organizations')
    .action(
      act(async (opts: ExportOptions) =>
        (await import('./commands/publications-export.js')).exportPublications(deps, opts),
      ),
    );
}

function addReportCommands(program: Command, deps: CliDeps, act: Act): void {
  const report = program.command('report').description('年度报告 / Annual reports');
  report
    .command('check')
    .description('年报体检：读取已发布的年度报告并检查 / read published annual reports and check them')
    .argument('<path>', '报告文件或文件夹（txt、html、docx、pdf）/ report file or folder')
    .option('--json', '每个文件输出一行 JSON（JSON Lines）/ one JSON object per file on stdout')
    .option('--strict', '有错误时退出码为 1 / exit 1 when any error finding exists')
    .option('--summary <file>', '把汇总写成 HTML 页面 / write the summary as an HTML page')
    .option('--summary-xlsx <file>', '把汇总写成 Excel 工作簿 / write the summary as an XLSX workbook')
    .option(
      '--previous <file>',
      "上一年度报告，用于跨年度核对（R6、R7）/ last year's report, for the cross-year rules R6/R7",
    )
    .option('--explain', '说明每个数字的来源（单元格、文本或推算）/ explain where each figure came from')
    .action(
      act(async (path: string, options: ReportCheckOptions) =>
        (await import('./commands/report-check.js')).checkReports(deps, path, options),
      ),
    );
  report
    .command('render')
    .description('把年度报告 JSON 渲染为正式表格 / render an annual-report JSON into the official tables')
    .argument('<file.json>', '年度报告 JSON（含 report check --json 的输出）/ annual-report JSON')
    .option('--format <format>', "表格格式 2019 或 2021（默认取 JSON 的 format）/ table format, default: the JSON's")
    .option('--as <kind>', '输出 text（竖线表格）或 html（独立网页）/ output text or html')
    .option(
      '--out <file>',
      '写入文件（按扩展名：.html .docx .xlsx .pdf .json .md，其他为文本）/ write a file, kind from its extension',
    )
    .action(
      act(async (path: string, options: ReportRenderOptions) =>
        (await import('./commands/report-render.js')).runReportRender(path, options, deps),
      ),
    );
  report
    .command('build')
    .description("从数据库生成机构的年度报告 / build an organization's annual report from the database")
    .requiredOption('--org <creditCode>', "机构统一社会信用代码 / the organization's credit code")
    .requiredOption('--year <yyyy>', '报告年度 / report year')
    .requiredOption('--out <file>', '输出文件（.html .docx .xlsx .pdf .json .md）/ output file')
    .action(
      act(async (options: { org: string; year: string; out: string }) =>
        (await import('./commands/report-build.js')).buildReport(deps, options),
      ),
    );
  report
    .command('validate')
    .description('检查年度报告的勾稽关系（R1–R8）/ check an annual report against R1–R8')
    .argument('[file.json]', '年度报告 JSON（也可用 --org 与 --year 检查数据库中的报告）/ a report JSON file')
    .option('--org <creditCode>', "机构统一社会信用代码 / the organization's credit code")
    .option('--year <yyyy>', '报告年度 / report year')
    .option('--previous <file.json>', "上一年度报告 JSON，用于 R6、R7 / last year's report JSON, for R6/R7")
    .option('--json', '以 JSON 数组输出 {rule, severity, message, where} / print the findings as a JSON array')
    .action(
      act(async (file: string | undefined, options: ReportValidateOptions) =>
        (await import('./commands/report-validate.js')).runReportValidate(file, options, deps),
      ),
    );
}

function addMediaCommands(program: Command, deps: CliDeps, act: Act): void {
  const media = () => import('./commands/media.js');
  const cmd = program.command('media').description('政务新媒体 / Government new-media accounts');
  cmd
    .command('check')
    .description('检查已登记的政务新媒体账号（不保存） / check the registered accounts (nothing saved)')
    .option('--as-of <date>', '以该日期为检查日（YYYY-MM-DD，默认今天） / the day of the check (default today)')
    .option('--json', '每个问题一行 JSON，最后一行为汇总（JSON Lines） / one JSON line per finding, then a summary')
    .action(act(async (options: MediaCheckOptions) => (await media()).checkMedia(deps, options)));
  cmd
    .command('import <file>')
    .description(
      '导入账号（CSV 或 XLSX，表头 platform,name,verifiedName,org,filingNo,interaction,openedOn,status,feedUrl） / import accounts',
    )
    .action(act(async (file: string) => (await media()).importMediaAccounts(deps, file)));
  const posts = cmd.command('posts').description('发布记录 / Posts');
  posts
    .command('import <file>')
    .description(
      '导入发布记录（CSV 或 XLSX，表头 platform,account,postedAt,title,url,comments,answered） / import posts',
    )
    .action(act(async (file: string) => (await media()).importMediaPosts(deps, file)));
  posts
    .command('poll')
    .description("从账号的订阅地址（RSS/Atom）读取新的发布记录 / read new posts from the accounts' feeds")
    .action(act(async () => (await media()).pollMediaFeeds(deps)));
}

/** `monitor run`, `sites`, `messages` and `portal`: the registered sites, their runs and the registry. */
function addMonitorRegistryCommands(monitor: Command, deps: CliDeps, act: Act): void {
  const monitorRun = () => import('./commands/monitor-run.js');
  monitor
    .command('run')
    .description('监测已登记的网站并保存结果 / check registered websites and save the run')
    .option('--site <name>', "网站名称 / the site's name")
    .option('--all', '全部已登记网站 / every registered site')
    .option('--as-of <yyyy-mm-dd>', '以该日为监测日 / check as of that day')
    .option('--json', '以 JSON Lines 输出 / print JSON Lines')
    .action(act(async (opts: MonitorRunOptions) => (await monitorRun()).monitorRun(deps, opts)));
  const sites = monitor.command('sites').description('网站登记表 / The website registry');
  sites
    .command('import <file>')
    .description('导入网站登记表（CSV 或 XLSX，全部成功或全部不导入） / import the registry (CSV or XLSX)')
    .action(act(async (file: string) => (await monitorRun()).importSiteRegistry(deps, file)));
  sites
    .command('export <file>')
    .description('导出网站登记表（.csv 或 .xlsx） / export the registry')
    .action(act(async (file: string) => (await monitorRun()).exportSiteRegistry(deps, file)));
  monitor
    .command('messages')
    .description('政务咨询类栏目的留言 / Messages of interaction columns')
    .command('import <file>')
    .description('导入留言（CSV：site,column,receivedOn,answeredOn,subject） / import messages (CSV)')
    .action(act(async (file: string) => (await monitorRun()).importInteractionMessages(deps, file)));
  monitor
    .command('portal')
    .description('按主动公开目录登记本门户网站 / register this portal from its catalogue')
    .requiredOption('--origin <url>', "本门户的网址，如 https://gk.example.gov.cn / the portal's address")
    .action(act(async (opts: { origin: string }) => (await monitorRun()).registerPortal(deps, opts)));
}
