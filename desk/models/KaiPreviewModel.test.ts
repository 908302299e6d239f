import { describe, expect, it, vi } from 'vitest';
import { ApiError, type KaiPreview } from '../api';
import { KaiPreviewModel } from './KaiPreviewModel';

const answer: KaiPreview = { reply: 'Open Settings.', sources: [{ id: 'k1', title: 'Reset', url: '/help/reset' }], action: 'answer', confidence: 0.82 };

describe('KaiPreviewModel', () => {
  it('asks Kai with the trimmed message and keeps the answer', async () => {
    const previewKai = vi.fn(async () => answer);
    const model = new KaiPreviewModel({ previewKai });
    expect(await model.ask('  How do I reset my password?  ')).toBe(true);
    expect(previewKai).toHaveBeenCalledWith('How do I reset my password?');
    expect(model.result.value).toEqual(answer);
    expect(model.asking.value).toBe(false);
  });

  it('asks nothing for an empty message', async () => {
    const previewKai = vi.fn(async () => answer);
    const model = new KaiPreviewModel({ previewKai });
    expect(await model.ask('   ')).toBe(false);
    expect(previewKai).not.toHaveBeenCalled();
    expect(model.error.value).toBe('Write what a visitor would ask.');
  });

  it('shows only the latest question\'s answer', async () => {
    let release: (value: KaiPreview) => void = () => {};
    const previewKai = vi
      .fn<(message: string) => Promise<KaiPreview>>()
      .mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
      .mockResolvedValueOnce({ ...answer, reply: 'second' });
    const model = new KaiPreviewModel({ previewKai });
    const first = model.ask('first');
    await model.ask('second');
    release({ ...answer, reply: 'first' });
    expect(await first).toBe(false);
    expect(model.result.value?.reply).toBe('second');
  });

  it('shows the server\'s message when the question is refused', async () => {
    const model = new KaiPreviewModel({ previewKai: vi.fn(async () => Promise.reject(new ApiError(400, 'validation_failed', 'message: Too long'))) });
    expect(await model.ask('x')).toBe(false);
    expect(model.error.value).toBe('message: Too long');
    expect(model.result.value).toBeNull();
  });
});
