// The QA programme in the browser: a supervisor plans a week and draws it, checks the draw and reassigns a
// call with a reason; an inspector scores a worklist call, its agent appeals, and the upheld appeal is
// re-scored with a history the agent reads.
import { expect, signIn, test, waitUntilSynced } from './fixtures';

test('a supervisor plans a week, draws it, audits it and reassigns a call with a reason', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(150_000);
	const page = await (await browser.newContext({ baseURL })).newPage();
	await signIn(page, 'supervisor01');
	await page.getByRole('link', { name: '抽检计划' }).click();
	// The demo's plan is listed with its last draw.
	await expect(page.getByRole('link', { name: '每周常规抽检' })).toBeVisible({ timeout: 60_000 });
	await page.getByRole('link', { name: '新建抽检计划' }).click();

	const form = page.getByRole('form', { name: '抽检计划' });
	await form.getByLabel('计划名称').fill('十一月第三周专项抽检');
	await form.getByLabel('周期类型').selectOption('custom');
	await form.getByLabel('从').fill('2026-11-16');
	await form.getByLabel('到').fill('2026-11-22');
	await form.getByLabel('抽样比例（%）').fill('25');
	await form.getByLabel('陈质检（质检组）').check();
	await form.getByLabel('孙质检（质检组）').check();
	await form.uncheck().catch(() => {});
	await form.getByRole('button', { name: '保存计划' }).click();

	await expect(page.getByRole('heading', { level: 1, name: '十一月第三周专项抽检' })).toBeVisible();
	await expect(page.getByText('抽 25%，每人至少 1 通')).toBeVisible();
	const period = page.getByRole('row', { name: /2026-11-16 至 2026-11-22/ });
	await period.getByRole('button', { name: '抽取' }).click();
	await expect(page.getByText(/已抽取 \d+ 通，并分给 \d+ 名质检员/)).toBeVisible({ timeout: 30_000 });

	const draw = page.getByRole('region', { name: '抽检结果 2026-11-16 至 2026-11-22' });
	// The four demo calls of that week, and any a batch import added to it.
	await expect(draw).toContainText(/本期符合范围的通话 \d+ 通/);
	// Every complaint and unsatisfied 回访 is drawn, whatever the ratio.
	await expect(draw.getByRole('link', { name: 'C20261119-0007' })).toBeVisible();
	await expect(draw.getByRole('link', { name: 'C20261120-0003' })).toBeVisible();
	const coverage = draw.getByRole('region', { name: '覆盖率' });
	await expect(coverage.getByRole('tab', { name: '按质检员' })).toHaveAttribute('aria-selected', 'true');
	await expect(coverage.locator('tfoot')).toContainText('合计');
	await coverage.getByRole('tab', { name: '按坐席' }).click();
	await expect(coverage).toContainText('刘话务');

	await draw.getByRole('button', { name: /核对抽取/ }).click();
	await expect(draw.getByText(/核对一致/)).toBeVisible({ timeout: 30_000 });

	// A call nobody has scored yet (one scored is done, and is not reassigned).
	const row = draw
		.getByRole('row')
		.filter({ has: page.getByRole('button', { name: '改派' }) })
		.first();
	const callId = (await row.getByRole('cell').first().textContent())!.trim();
	const before = (await row.getByRole('cell').nth(4).textContent())!.trim();
	await row.getByRole('button', { name: '改派' }).click();
	const move = draw.getByRole('form', { name: '改派' });
	await move.getByLabel('原因').fill('原质检员本周轮休');
	await move.getByRole('button', { name: '确认改派' }).click();
	const history = draw.getByRole('list', { name: '改派记录' });
	await expect(history).toContainText(`${callId} 从 ${before} 改派给`);
	await expect(history).toContainText('原质检员本周轮休');
	await expect(
		draw
			.getByRole('row', { name: new RegExp(callId) })
			.getByRole('cell')
			.nth(4)
	).not.toHaveText(before);
});

test('an inspector scores a worklist call; the agent appeals; the supervisor upholds and re-scores; the agent sees why', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const inspector = await (await browser.newContext({ baseURL })).newPage();
	await signIn(inspector, 'inspector03');
	const worklist = inspector.getByRole('region', { name: /我的待评：每周常规抽检 2026-11-16/ });
	await expect(worklist).toBeVisible({ timeout: 60_000 });
	// The demo week was due on 25 November: it is overdue now.
	await expect(worklist.getByText(/逾期 \d+ 通/)).toBeVisible();
	// The unsatisfied 回访 of agent01 is inspector03's in the demo draw.
	await worklist.getByRole('link', { name: 'C20261120-0003' }).click();
	await expect(inspector.locator('.waveform[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await inspector.getByRole('button', { name: '开始评分' }).click();
	await inspector.getByRole('button', { name: '未评项按满分' }).click();
	await inspector.getByLabel('未核实联系电话（-3）').check();
	// The problem type, and the call kept as a (bad) typical case for training.
	const tagging = inspector.getByRole('region', { name: '问题类型与典型案例' });
	await tagging.getByLabel('未核实信息').check();
	await tagging.getByRole('button', { name: '标为典型案例' }).click();
	await tagging.getByLabel('反面典型').check();
	await tagging.getByRole('textbox', { name: '理由' }).fill('回访未核实联系电话，用于培训');
	await tagging.getByRole('button', { name: '保存典型案例' }).click();
	await expect(tagging).toContainText('反面典型');
	await expect(inspector.getByText('草稿已保存')).toBeVisible();
	inspector.once('dialog', (dialog) => void dialog.accept());
	await inspector.getByRole('button', { name: '提交质检单' }).click();
	await expect(inspector.getByText(/已提交，总分 97/)).toBeVisible();
	await expect(inspector.getByText(/申诉截止：\d{4}-\d{2}-\d{2}/)).toBeVisible();
	await waitUntilSynced(inspector);

	const agent = await (await browser.newContext({ baseURL })).newPage();
	await signIn(agent, 'agent01');
	await agent.getByRole('link', { name: '我的质检' }).click();
	const result = agent.getByRole('button', { name: /97 分.*C20261120-0003/ });
	await result.click({ timeout: 60_000 });
	await expect(agent.getByText(/可申诉至 \d{4}-\d{2}-\d{2}/)).toBeVisible();
	await agent.getByRole('button', { name: '申诉', exact: true }).click();
	await agent.getByRole('textbox', { name: /申诉理由/ }).fill('回访时已核实联系电话（1:02 处）');
	await agent.getByRole('button', { name: '提交申诉' }).click();
	await expect(agent.getByText('申诉已提交，由班长终审')).toBeVisible();
	await waitUntilSynced(agent);

	const supervisor = await (await browser.newContext({ baseURL })).newPage();
	await signIn(supervisor, 'supervisor01');
	// The supervisor's desk on /qa lists the appeal waiting for a ruling, beside the plans' progress.
	const desk = supervisor.getByRole('region', { name: '班长工作台' });
	await expect(desk.getByRole('region', { name: '抽检进度' })).toContainText('每周常规抽检');
	await expect(desk.getByRole('region', { name: '本周红线' })).toBeVisible();
	const waiting = desk.getByRole('region', { name: '待终审申诉' });
	await waiting.getByRole('link', { name: '通话 C20261120-0003' }).click({ timeout: 60_000 });
	const appeal = supervisor.getByRole('region', { name: '坐席申诉' });
	await expect(appeal).toContainText('回访时已核实联系电话', { timeout: 60_000 });
	await appeal.getByRole('textbox', { name: '终审意见' }).fill('录音 1:02 处已核实电话，扣分不当');
	await appeal.getByRole('button', { name: '申诉成立' }).click();
	const rescore = supervisor.getByRole('region', { name: '改分' });
	await expect(rescore).toBeVisible();
	await rescore.getByLabel('未核实联系电话（-3）').uncheck();
	await expect(rescore.getByText('改分后总分：100')).toBeVisible();
	await expect(rescore.getByRole('textbox', { name: '改分原因' })).toHaveValue(
		/申诉成立：录音 1:02 处已核实电话/
	);
	await rescore.getByRole('button', { name: '保存改分' }).click();
	await expect(supervisor.getByText(/已改分，总分 100/)).toBeVisible();
	const history = supervisor.getByRole('region', { name: '改分记录' });
	await expect(history).toContainText('总分 97 → 100');
	await waitUntilSynced(supervisor);

	// 共性问题 and 典型案例 of the month, from the server's views.
	await supervisor.goto('/qa/problems');
	await expect(
		supervisor.getByRole('region', { name: '问题类型统计' }).getByRole('row', { name: /未核实信息/ })
	).toContainText(/未核实信息\s*1/);
	await expect(supervisor.getByRole('region', { name: '典型案例' })).toContainText(
		'回访未核实联系电话，用于培训'
	);

	// The agent sees the final score, the ruling and what changed, by whom and why.
	await expect(agent.getByRole('button', { name: /100 分（改分后）.*C20261120-0003/ })).toBeVisible({
		timeout: 60_000
	});
	await expect(agent.getByText('申诉成立').first()).toBeVisible();
	const agentHistory = agent.getByRole('region', { name: '改分记录' });
	await expect(agentHistory).toContainText('总分 97 → 100');
	await expect(agentHistory).toContainText('原因：申诉成立：录音 1:02 处已核实电话，扣分不当');
	await expect(agentHistory).toContainText('地址、联系方式核实：2 分 → 5 分');

	// Each step was told in the app: the agent of the ruling and the re-score, the inspector of all of it.
	await agent.getByRole('button', { name: /^通知/ }).click();
	const agentNotices = agent.getByRole('region', { name: '通知' });
	await expect(agentNotices).toContainText('通话 C20261120-0003 已改分：97 → 100');
	await expect(agentNotices).toContainText('通话 C20261120-0003 的申诉已终审：申诉成立');
	await expect(inspector.getByRole('button', { name: /^通知.*未读/ })).toBeVisible({ timeout: 60_000 });
	await inspector.getByRole('button', { name: /^通知/ }).click();
	const inspectorNotices = inspector.getByRole('region', { name: '通知' });
	await expect(inspectorNotices).toContainText('你的质检单通话 C20261120-0003 坐席申诉');
	await expect(inspectorNotices).toContainText('通话 C20261120-0003 的申诉已终审：申诉成立');
	await expect(inspectorNotices).toContainText('已由 supervisor01 改分：97 → 100');

	// Coaching from the result: the supervisor opens a task, the agent confirms it, the coach reads it.
	await supervisor.goto('/qa/recordings/recording%3AC20261120-0003');
	const coaching = supervisor.getByRole('region', { name: '辅导' });
	await coaching.getByRole('button', { name: '开辅导任务' }).click();
	const form = coaching.getByRole('form', { name: '开辅导任务' });
	await form.getByLabel('地址、联系方式核实').check();
	await form.getByRole('textbox', { name: '辅导要点' }).fill('回访开始先核实联系电话');
	await form.getByRole('button', { name: '开辅导任务' }).click();
	await expect(coaching).toContainText('辅导任务进行中');
	await waitUntilSynced(supervisor);
	const agentCoaching = agent.getByRole('region', { name: '辅导任务' });
	const task = agentCoaching.locator('.task').filter({ hasText: '回访开始先核实联系电话' });
	await expect(task).toContainText('地址、联系方式核实', { timeout: 60_000 });
	await task.getByRole('button', { name: '确认辅导' }).click();
	await expect(agent.getByText('已确认，辅导人会看到你的确认')).toBeVisible();
	await waitUntilSynced(agent);
	await supervisor.goto('/qa/coaching');
	const opened = supervisor
		.getByRole('region', { name: '辅导任务 agent01' })
		.filter({ hasText: '回访开始先核实联系电话' });
	await expect(opened).toContainText(/坐席已于 .* 确认/, { timeout: 60_000 });
	await expect(opened.getByRole('row', { name: /地址、联系方式核实/ })).toBeVisible();
	// The demo's own task for agent01 is listed too.
	await expect(supervisor.getByRole('region', { name: '辅导任务 agent01' })).toHaveCount(2);
});
