// The recording import for the screen: sorts the chosen files, checks the batch (nothing is written while
// any row has a problem), then reads each call's file once for its waveform and its MD5 (which names its
// audio on the server) and commits the batch all or nothing.
import type { Waveform } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { readImportFile } from '$lib/knowledge/exchange/exchange.service';
import { failure, success, type Result } from '$lib/result';
import { nowIso } from '$lib/time';
import { analyzeRecording } from './audio/recording-analysis';
import { commitRecordingImport, existingCallIds, type ImportedCall } from './recording.service';
import { AUDIO_TYPES, planRecordingImport, type ImportPlan } from './recordings/import/recording-import';
import { sheetRows } from './recordings/import/recording-sheet';

/** A sheet's duration may be rounded or cut by the platform; beyond this the file is probably the wrong one. */
const DURATION_TOLERANCE_SECONDS = 2;

export interface CheckedBatch {
	sheetName: string;
	encoding: string;
	plan: ImportPlan;
	audio: Map<string, File>;
	ignored: string[];
}

const extension = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

export async function checkRecordingBatch(userName: string, files: File[]): Promise<Result<CheckedBatch>> {
	const sheets = files.filter((file) => ['xlsx', 'csv', 'tsv', 'txt'].includes(extension(file.name)));
	const audioFiles = files.filter((file) => extension(file.name) in AUDIO_TYPES);
	const transcriptFiles = files.filter((file) => ['srt', 'json'].includes(extension(file.name)));
	const ignored = files
		.filter((file) => !sheets.includes(file) && !audioFiles.includes(file) && !transcriptFiles.includes(file))
		.map((file) => file.name);
	if (sheets.length !== 1)
		return failure(
			sheets.length === 0 ? '请同时选择录音信息表（.xlsx 或 .csv）' : '一次只能导入一张录音信息表'
		);
	const sheet = await readImportFile(sheets[0]!);
	if (!sheet.ok) return sheet;
	try {
		const profiles = await new Repository(userName, 'profile').all();
		const agentsByEmployeeNumber = new Map(
			profiles
				.filter((profile) => profile.roles.includes('agent') && profile.employeeNumber)
				.map((profile) => [
					profile.employeeNumber!,
					{
						userName: profile.userName,
						displayName: profile.displayName,
						...(profile.subPlatform ? { subPlatform: profile.subPlatform } : {})
					}
				])
		);
		const table = sheetRows(sheet.value.rows);
		const plan = planRecordingImport({
			...table,
			audioFiles: audioFiles.map((file) => ({ name: file.name, size: file.size })),
			transcripts: await Promise.all(
				transcriptFiles.map(async (file) => ({ name: file.name, text: await file.text() }))
			),
			agentsByEmployeeNumber,
			existingCallIds: await existingCallIds(
				userName,
				table.rows.map((row) => row.callId)
			),
			importedBy: userName,
			now: nowIso()
		});
		return success({
			sheetName: sheet.value.fileName,
			encoding: sheet.value.encoding,
			plan,
			audio: new Map(audioFiles.map((file) => [file.name, file])),
			ignored
		});
	} catch (error) {
		return failure(`检查失败：${(error as Error).message}`);
	}
}

export interface ImportProgress {
	stage: 'peaks' | 'audio' | 'documents';
	done: number;
	total: number;
	current?: string;
}

export async function importRecordingBatch(
	userName: string,
	batch: CheckedBatch,
	onProgress: (progress: ImportProgress) => void
): Promise<Result<{ imported: number; durationWarnings: string[] }>> {
	if (batch.plan.problems.length > 0) return failure('还有问题未解决，未写入任何数据');
	const calls: ImportedCall[] = [];
	const durationWarnings: string[] = [];
	for (const [index, planned] of batch.plan.calls.entries()) {
		onProgress({
			stage: 'peaks',
			done: index,
			total: batch.plan.calls.length,
			current: planned.audioFileName
		});
		const audio = batch.audio.get(planned.audioFileName)!;
		let analysis;
		try {
			analysis = await analyzeRecording(audio);
		} catch (error) {
			return failure(`${planned.audioFileName} 无法解码，未写入任何数据：${(error as Error).message}`);
		}
		const recording = {
			...planned.recording,
			channels: analysis.channels,
			audio: { ...planned.recording.audio, md5: analysis.md5 }
		};
		if (Math.abs(analysis.durationSeconds - recording.durationSeconds) > DURATION_TOLERANCE_SECONDS)
			durationWarnings.push(
				`${recording.callId}：表格时长 ${recording.durationSeconds} 秒，录音实际 ${analysis.durationSeconds} 秒`
			);
		const waveform: Waveform = {
			_id: `waveform:${recording.callId}`,
			type: 'waveform',
			recordingId: recording._id,
			...(recording.subPlatform ? { subPlatform: recording.subPlatform } : {}),
			channels: analysis.channels,
			peaksPerSecond: analysis.peaksPerSecond,
			durationSeconds: analysis.durationSeconds,
			peaks: analysis.peaks
		};
		calls.push({
			recording,
			waveform,
			...(planned.transcript ? { transcript: planned.transcript } : {}),
			audio
		});
	}
	const committed = await commitRecordingImport(userName, calls, (stage, done, total) =>
		onProgress({ stage, done, total })
	);
	if (!committed.ok) return committed;
	return success({ imported: committed.value, durationWarnings });
}
