// Demo accounts, one or more per role, created by `npm start` and `npm run setup -- --demo`.
import type { UserAccount } from '../setup/setup';

export const DEMO_PASSWORD = 'demo1234';

export const demoUsers: UserAccount[] = [
	{ name: 'admin01', password: DEMO_PASSWORD, roles: ['admin'], displayName: '系统管理员' },
	{
		name: 'editor01',
		password: DEMO_PASSWORD,
		roles: ['editor'],
		displayName: '王采编',
		team: '知识库采编组'
	},
	{
		name: 'editor02',
		password: DEMO_PASSWORD,
		roles: ['editor'],
		displayName: '李采编',
		team: '知识库采编组'
	},
	{
		name: 'reviewer01',
		password: DEMO_PASSWORD,
		roles: ['reviewer', 'editor'],
		displayName: '赵审核',
		team: '知识库采编组'
	},
	{
		name: 'inspector01',
		password: DEMO_PASSWORD,
		roles: ['inspector'],
		displayName: '陈质检',
		team: '质检组'
	},
	{
		name: 'inspector03',
		password: DEMO_PASSWORD,
		roles: ['inspector'],
		displayName: '孙质检',
		team: '质检组'
	},
	{
		name: 'supervisor01',
		password: DEMO_PASSWORD,
		roles: ['supervisor', 'inspector'],
		displayName: '周班长',
		team: '话务一班'
	},
	{
		name: 'analyst01',
		password: DEMO_PASSWORD,
		roles: ['analyst'],
		displayName: '钱分析',
		team: '数据分析组'
	},
	{
		name: 'agent01',
		password: DEMO_PASSWORD,
		roles: ['agent'],
		displayName: '刘话务',
		employeeNumber: '1001',
		team: '话务一班'
	},
	{
		name: 'agent02',
		password: DEMO_PASSWORD,
		roles: ['agent'],
		displayName: '张话务',
		employeeNumber: '1002',
		team: '话务一班'
	},
	// The reports' history (sync/setup/demo-qa-history.ts) is this agent's, 海口's and 三亚's: agent01 and agent02
	// keep the few results the walkthroughs and tests expect.
	{
		name: 'agent05',
		password: DEMO_PASSWORD,
		roles: ['agent'],
		displayName: '赵话务',
		employeeNumber: '1005',
		team: '话务二班'
	},
	// 分平台 staff: an agent each in 海口 and 三亚; 海口's editor, reviewer and inspector, who work on 海口's
	// entries and calls only.
	{
		name: 'agent03',
		password: DEMO_PASSWORD,
		roles: ['agent', 'city:haikou'],
		displayName: '王话务（海口）',
		employeeNumber: '2001',
		team: '海口分平台'
	},
	{
		name: 'agent04',
		password: DEMO_PASSWORD,
		roles: ['agent', 'city:sanya'],
		displayName: '陈话务（三亚）',
		employeeNumber: '3001',
		team: '三亚分平台'
	},
	{
		name: 'editor03',
		password: DEMO_PASSWORD,
		roles: ['editor', 'city:haikou'],
		displayName: '林采编（海口）',
		team: '海口分平台'
	},
	{
		name: 'reviewer02',
		password: DEMO_PASSWORD,
		roles: ['reviewer', 'editor', 'city:haikou'],
		displayName: '黄审核（海口）',
		team: '海口分平台'
	},
	{
		name: 'inspector02',
		password: DEMO_PASSWORD,
		roles: ['inspector', 'city:haikou'],
		displayName: '吴质检（海口）',
		team: '海口分平台'
	}
];
