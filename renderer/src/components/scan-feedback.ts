/**
 * A short tone per scan so the clerk need not look at the screen: high for "done", low for
 * "look at this" (misfiled, unknown, refused). Silent where audio is unavailable.
 */
let audio: AudioContext | null = null;

export function scanTone(kind: 'ok' | 'warn'): void {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = kind === 'ok' ? 1320 : 330;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + (kind === 'ok' ? 0.08 : 0.3));
  } catch {
    // No sound device: the on-screen confirmation is enough.
  }
}
