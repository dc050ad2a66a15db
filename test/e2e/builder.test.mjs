// End-to-end: a person fills the builder's three steps with the source's Terry example, sees the preview and
// the score, types "mentor" and sees the finding come and go, saves, finds the draft in the tree, and after a
// window reload finds the form as they left it. Screenshots of each step (dark and light) go to docs/.
import assert from 'node:assert/strict';
import { openView, runCommand, startSession, treeItems, webview } from './harness.mjs';
import { setTheme, shoot, THEMES } from './support/themes.mjs';
import { textContrast } from './support/contrast.mjs';

/** Text a person reads needs 4.5:1 against what is behind it (WCAG AA), in the light theme as in the dark one. */
async function assertReadable(locator, what, theme) {
  const ratio = await textContrast(locator);
  assert.ok(ratio >= 4.5, `${what} in ${theme}: contrast ${ratio.toFixed(2)}:1, below 4.5:1`);
}

describe('Assessment & Request Builder (a person in a real VS Code)', function () {
  let s;
  let ui;
  before(async () => {
    s = await startSession({ viewport: { width: 1280, height: 860 } });
    await setTheme(s, THEMES.dark);
  });
  after(async () => {
    await s?.stop();
  });

  it('opens from the palette and starts at Assess', async () => {
    await runCommand(s.page, 'Mentoring: Open Assessment & Request Builder');
    ui = webview(s.page);
    await ui.locator('h2', { hasText: '1. Assess' }).waitFor({ timeout: 30_000 });
    assert.match(await ui.locator('.tab[aria-current="step"]').innerText(), /Assess/);
    // Its icons come from the codicon subset beside it (font-src: the webview's own resource root): the font loads.
    const codiconFont = () => ui.locator('body').evaluate(async () => {
      await document.fonts.load('16px codicon', '\uea60').catch(() => []); // the "add" icon
      return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'codicon').map((f) => f.status).join();
    });
    await assertEventually(async () => (await codiconFont()) === 'loaded', 'the codicon font loaded', 10_000).catch(async (e) => {
      throw new Error(`${e.message}: ${await codiconFont()}`);
    });
  });

  it('Assess: the aspiration, two rated skill areas ranked live, the focus confirmed', async () => {
    await ui.getByLabel('I am working on …').fill('developing my leadership skills');
    await ui.getByRole('button', { name: 'Add Financial acumen' }).click();
    await ui.getByLabel('Current level in Financial acumen').selectOption('2');
    await ui.getByLabel('Importance of Financial acumen').selectOption('5');
    await ui.getByRole('button', { name: 'Add Public speaking' }).click();
    await ui.getByLabel('Current level in Public speaking').selectOption('3');
    await ui.getByLabel('Importance of Public speaking').selectOption('4');
    // Ranked by importance × (5 − current): financial acumen 5 × 3 = 15, public speaking 4 × 2 = 8.
    const ranked = () => ui.locator('table.skills tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.firstChild?.textContent, tr.querySelector('.priority')?.textContent]));
    await assertEventually(async () => JSON.stringify(await ranked()) === JSON.stringify([['Financial acumen', '15'], ['Public speaking', '8']]), 'the ranked table', 10_000).catch(async (e) => {
      throw new Error(`${e.message}: ${JSON.stringify(await ranked())}`);
    });
    assert.equal(await ui.getByLabel('Focus on Financial acumen').isChecked(), true);
    await ui.locator('.focus-line', { hasText: 'Financial acumen' }).waitFor();
    await shoot(s, 'builder-assess', async (theme) => {
      await assertReadable(ui.locator('p.hint').first(), 'the hint', theme);
      await assertReadable(ui.locator('table.skills thead th').first(), 'the column headings', theme);
    });
    await ui.getByRole('button', { name: 'Next: who is great at it?' }).click();
  });

  it('Identify: Terry, inside, senior, and what I have seen Terry do', async () => {
    await ui.locator('h2', { hasText: '2. Identify' }).waitFor();
    await ui.getByLabel('Name').fill('Terry');
    await ui.getByLabel('Inside my organisation').check();
    await ui.getByLabel('They are').selectOption('senior');
    await ui.getByLabel('What have I seen them do?').fill("I've seen you present at the All Hands meeting, and you tell a compelling story about the financials.");
    await ui.getByRole('button', { name: 'Add person' }).click();
    await ui.locator('ul.people li', { hasText: 'Terry' }).waitFor();
    assert.match(await ui.locator('.msg.info').innerText(), /Only one person/);
    await shoot(s, 'builder-identify');
    await ui.getByRole('button', { name: 'Ask Terry' }).click();
  });

  it('Ask: three sessions over six weeks on three topics; the preview and a high score', async () => {
    await ui.locator('h2', { hasText: '3. Ask' }).waitFor();
    await ui.getByLabel('Sessions (1–6)').fill('3');
    await ui.getByLabel('Minutes each').selectOption('45');
    await ui.getByLabel('Time frame').fill('over the next six weeks');
    await ui.getByLabel('Topic 1', { exact: true }).fill('a high level understanding of our financial reports');
    await ui.getByLabel('Topic 2', { exact: true }).fill('how you convert those numbers into a compelling story');
    await ui.getByRole('button', { name: 'Add topic' }).click();
    await ui.getByLabel('Topic 3', { exact: true }).fill('what someone at my level needs to be doing to develop their financial acumen further');
    const preview = ui.getByLabel('Your request (edit freely)');
    await assertEventually(async () => /what someone at my level/.test(await preview.inputValue()), 'the preview shows the third topic');
    const text = await preview.inputValue();
    assert.match(text, /^Hi Terry,/);
    assert.match(text, /three 45-minute sessions with me over the next six weeks, focusing on a high level understanding of our financial reports, how you convert those numbers into a compelling story, and what someone at my level/);
    await assertEventually(async () => Number((await ui.locator('.score-num').innerText()).split('/')[0]) >= 90, 'a score of 90 or more');
    assert.equal(await ui.locator('.finding.error').count(), 0);
    // The score "100/100" was green text, about 2:1 on a light theme: now the text colour, the green on its icon.
    await shoot(s, 'builder-ask', async (theme) => {
      await assertReadable(ui.locator('.score-num'), 'the score', theme);
      await assertReadable(ui.locator('.reason'), "the score's reason", theme);
    });
  });

  it('Ask: typing "mentor" shows the finding; removing it clears it', async () => {
    const preview = ui.getByLabel('Your request (edit freely)');
    await preview.click();
    await s.page.keyboard.press('Control+End');
    await s.page.keyboard.type(' Would you be my mentor?');
    await ui.locator('[data-finding="mentor-word"]').waitFor({ timeout: 10_000 });
    await shoot(s, 'builder-finding', async (theme) => {
      await assertReadable(ui.locator('.score-num'), 'a poor score', theme);
      await assertReadable(ui.locator('.finding strong'), 'a finding', theme);
      await assertReadable(ui.locator('.finding .fix'), "a finding's fix", theme);
    });
    await preview.click(); // switching themes for the screenshots took the focus
    await s.page.keyboard.press('Control+End');
    for (let i = 0; i < ' Would you be my mentor?'.length; i++) await s.page.keyboard.press('Backspace');
    await ui.locator('[data-finding="mentor-word"]').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('saves a draft that appears in the Outreach tree at once', async () => {
    await ui.getByRole('button', { name: 'Save as draft' }).click();
    await ui.locator('.tray .msg.info', { hasText: 'Saved as a draft for Terry' }).waitFor();
    await ui.locator('.draft-line', { hasText: 'Editing your saved draft to Terry' }).waitFor();
    await s.screenshot('e2e-builder-saved-dark');
    await openView(s.page, 'Mentoring');
    await assertEventually(async () => (await treeItems(s.page, 'Outreach')).some((r) => r.label === 'Drafts' && r.description === '1'), 'Drafts (1) in the tree');
  });

  it('after a window reload, the builder is back with the form as it was left', async () => {
    await s.reload();
    ui = webview(s.page);
    await ui.locator('h2', { hasText: '3. Ask' }).waitFor({ timeout: 30_000 });
    assert.equal(await ui.getByLabel('Time frame').inputValue(), 'over the next six weeks');
    assert.equal(await ui.getByLabel('Topic 1', { exact: true }).inputValue(), 'a high level understanding of our financial reports');
    assert.equal(await ui.getByLabel('Topic 3', { exact: true }).inputValue(), 'what someone at my level needs to be doing to develop their financial acumen further');
    await ui.getByRole('button', { name: 'Back' }).last().click();
    await ui.getByRole('button', { name: 'Back' }).last().click();
    assert.equal(await ui.getByLabel('I am working on …').inputValue(), 'developing my leadership skills');
  });
});

async function assertEventually(check, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
