// The demo calls as written: who says what, and the metadata the call-centre platform would export.
// `spoken` is what the synthesizer reads where the written text has digits (hotlines read 1 as 幺).

export interface Turn {
	speaker: 'agent' | 'caller';
	text: string;
	spoken?: string;
}

export interface DemoScript {
	callId: string;
	employeeNumber: string;
	agentDisplayName: string;
	startedAt: string;
	direction: 'inbound' | 'outbound' | 'callback';
	businessType: string;
	handlingResult: string;
	ticketId: string;
	callerNumber: string;
	hotline: '12345' | '12355';
	format: 'ogg' | 'mp3';
	turns: Turn[];
}

const GREETING_1001 = {
	speaker: 'agent' as const,
	text: '您好，12345政务服务便民热线，工号1001为您服务。',
	spoken: '您好，幺二三四五政务服务便民热线，工号幺零零幺为您服务。'
};

export const demoScripts: DemoScript[] = [
	{
		callId: 'C20261118-0001',
		employeeNumber: '1001',
		agentDisplayName: '刘话务',
		startedAt: '2026-11-18T09:12:05+08:00',
		direction: 'inbound',
		businessType: '社会保障',
		handlingResult: '直接解答',
		ticketId: 'GD2026111800021',
		callerNumber: '13812345678',
		hotline: '12345',
		format: 'ogg',
		turns: [
			GREETING_1001,
			{ speaker: 'caller', text: '你好，我的社保卡丢了，想问一下怎么补办。' },
			{ speaker: 'agent', text: '您别着急。请问您是在本市参保的吗？' },
			{ speaker: 'caller', text: '对，在本市参保的。' },
			{
				speaker: 'agent',
				text: '您可以先拨打社保卡服务电话挂失，然后带上身份证到社保经办窗口或者合作银行网点补办。'
			},
			{ speaker: 'caller', text: '要多长时间能拿到新卡？' },
			{ speaker: 'agent', text: '一般即时制卡网点当场就能领取，其他网点大约十个工作日。' },
			{ speaker: 'caller', text: '好的，明白了，谢谢你。' },
			{ speaker: 'agent', text: '不客气，感谢您的来电，再见。' }
		]
	},
	{
		callId: 'C20261119-0007',
		employeeNumber: '1001',
		agentDisplayName: '刘话务',
		startedAt: '2026-11-19T22:40:31+08:00',
		direction: 'inbound',
		businessType: '环境保护',
		handlingResult: '转办',
		ticketId: 'GD2026111900187',
		callerNumber: '13956781234',
		hotline: '12345',
		format: 'mp3',
		turns: [
			GREETING_1001,
			{ speaker: 'caller', text: '我要投诉，楼下的烧烤店每天晚上吵到十二点，根本没法睡觉。' },
			// The planted fault: the agent cuts in before the caller has finished, and never confirms the number.
			{ speaker: 'agent', text: '这个我们管不了，你找城管吧。' },
			{ speaker: 'caller', text: '我已经找过了，没人管，所以才打你们电话。' },
			{ speaker: 'agent', text: '那好吧，你说一下地址。' },
			{ speaker: 'caller', text: '幸福路一百二十号，幸福小区门口。' },
			{ speaker: 'agent', text: '记下了，会转给相关部门处理。' },
			{ speaker: 'caller', text: '那什么时候有结果？' },
			{ speaker: 'agent', text: '等通知吧。' }
		]
	},
	{
		callId: 'C20261120-0003',
		employeeNumber: '1001',
		agentDisplayName: '刘话务',
		startedAt: '2026-11-20T15:03:44+08:00',
		direction: 'callback',
		businessType: '回访',
		handlingResult: '回访完成',
		ticketId: 'GD2026111500342',
		callerNumber: '13700001111',
		hotline: '12345',
		format: 'ogg',
		turns: [
			{
				speaker: 'agent',
				text: '您好，这里是12345热线回访，请问是王先生吗？',
				spoken: '您好，这里是幺二三四五热线回访，请问是王先生吗？'
			},
			{ speaker: 'caller', text: '是我，什么事？' },
			{ speaker: 'agent', text: '您上周反映的路灯不亮的问题，承办单位已经维修，想了解一下现在的情况。' },
			{ speaker: 'caller', text: '已经修好了，晚上亮了。' },
			{ speaker: 'agent', text: '请问您对这次办理结果是否满意？' },
			{ speaker: 'caller', text: '满意，处理得挺快的。' },
			{ speaker: 'agent', text: '感谢您的支持，祝您生活愉快，再见。' }
		]
	},
	{
		callId: 'Y20261120-0002',
		employeeNumber: '1002',
		agentDisplayName: '张话务',
		startedAt: '2026-11-20T19:26:10+08:00',
		direction: 'inbound',
		businessType: '青少年心理',
		handlingResult: '心理疏导',
		ticketId: 'QN2026112000015',
		callerNumber: '13611112222',
		hotline: '12355',
		format: 'ogg',
		turns: [
			{
				speaker: 'agent',
				text: '您好，12355青少年服务台，我是咨询员，请问有什么可以帮您？',
				spoken: '您好，幺二三五五青少年服务台，我是咨询员，请问有什么可以帮您？'
			},
			{ speaker: 'caller', text: '老师你好，我孩子快中考了，最近总是失眠，说压力特别大。' },
			{ speaker: 'agent', text: '听得出来您很担心孩子。孩子有没有说过让您特别担心的话？' },
			{ speaker: 'caller', text: '那倒没有，就是总说学不进去，脾气也变大了。' },
			{
				speaker: 'agent',
				text: '考前焦虑很常见。您可以多听孩子说，少比较成绩，保证作息，必要时我们可以安排心理老师和孩子聊一聊。'
			},
			{ speaker: 'caller', text: '好的，那我回去和孩子商量一下。' },
			{ speaker: 'agent', text: '我们的谈话是保密的。有需要随时再打过来，祝孩子考试顺利。' }
		]
	}
];
