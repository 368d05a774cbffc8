import { request } from './http.js';
import { showError } from './notices.js';

const LISTEN = 'پخش صوتی کد';
const REPLAY = 'پخش دوباره';

/**
 * One captcha on a page: the image and, for whoever cannot see it, the same digits spoken in Persian.
 * `prefix` names its elements: `${prefix}-image`, `-refresh`, `-listen`, `-audio`, and the `input`.
 * The server serves the audio of a challenge once, so it is kept here as a blob: "play again" replays
 * it without asking; a new challenge (refresh, or after any answer) gets its own.
 */
export function captchaWidget(prefix, input) {
  const el = (suffix) => document.getElementById(`${prefix}-${suffix}`);
  const [image, listen, player] = [el('image'), el('listen'), el('audio')];
  let id = null;
  let audioUrl = null;

  function forgetAudio() {
    if (audioUrl) URL.revokeObjectURL(audioUrl);
    audioUrl = null;
    player.removeAttribute('src');
    player.hidden = true;
    listen.textContent = LISTEN;
  }

  async function load() {
    input().value = '';
    id = null;
    forgetAudio();
    try {
      const captcha = await request('GET', '/api/captcha');
      id = captcha.id;
      image.src = captcha.image;
      image.dataset.captchaId = captcha.id;
    } catch (e) {
      showError(e);
    }
  }

  async function play() {
    if (!id) return;
    try {
      if (!audioUrl) {
        audioUrl = URL.createObjectURL(
          await request('GET', `/api/captcha/${encodeURIComponent(id)}/audio`, { blob: true }),
        );
        player.src = audioUrl;
        player.hidden = false;
        listen.textContent = REPLAY;
      }
      player.currentTime = 0;
      // A browser that will not play on its own still shows the player's controls.
      await player.play().catch(() => undefined);
    } catch (e) {
      showError(e);
    }
  }

  el('refresh').addEventListener('click', () => load().then(() => input().focus()));
  listen.addEventListener('click', play);
  return { load, id: () => id, forget: () => (id = null) };
}
