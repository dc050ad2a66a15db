// End-to-end (issue 11, "Send by email"): a person edits a draft (adding "Q&A? #1 — 100%"), then right-clicks it →
// Send by Email…, gives Amara's address once, and the workbench hands the browser one mailto: link whose subject and
// body arrive exactly; nothing is marked as sent until the person clicks Mark as Sent; the address is kept (the
// palette's Send by Email does not ask again).
import assert from 'node:assert/strict';
import path from 'node:path';
import { TEST_SETTINGS } from '../../scripts/lib/codeServer.mjs';
import { answerInput, chooseFromContextMenu, eventually, notificationItems, openView, pickItem, REPO, runCommand, startSession, treeItems, waitForQuickInput } from './harness.mjs';

const ADDED = ' Q&A? #1 — 100% sure, a=b+c; über 日本';

/** Reads a mailto: URL as a mail app does (RFC 6068). */
function readMailto(href) {
  const rest = href.slice('mailto:'.length);
  const q = rest.indexOf('?');
  const fields = {};
  for (const field of rest.slice(q + 1).split('&')) {
    const eq = field.indexOf('=');
    fields[decodeURIComponent(field.slice(0, eq))] = decodeURIComponent(field.slice(eq + 1));
  }
  return { to: decodeURIComponent(rest.slice(0, q)), fields };
}

describe('Send by Email (a person in a real VS Code)', function () {
  let s;
  /** Every navigation the workbench asked the browser for (a mailto: link is one: the browser hands it to the mail app). */
  const navigations = [];
  before(async () => {
    s = await startSession({ env: { MENTORING_SEED_JOURNAL: path.join(REPO, 'demo', 'journal.json') }, settings: { ...TEST_SETTINGS, 'files.autoSave': 'off' } });
    const cdp = await s.page.context().newCDPSession(s.page);
    await cdp.send('Page.enable');
    cdp.on('Page.frameRequestedNavigation', (e) => navigations.push(e.url));
    await openView(s.page, 'Mentoring');
    await eventually(async () => (await treeItems(s.page, 'Outreach')).some((r) => r.label === 'Drafts'), 'the demo journal');
  });
  after(async () => {
    await s?.stop();
  });

  const tree = () => s.page.locator('[role="tree"][aria-label="Outreach"]');
  const amaraRow = () => tree().locator('.monaco-list-row', { hasText: 'Amara Okafor' });
  const tab = () => s.page.locator('.tabs-container .tab', { hasText: 'Request to Amara Okafor.md' });

  async function contextMenu(item) {
    if (!(await amaraRow().isVisible().catch(() => false))) await tree().locator('.monaco-list-row', { hasText: 'Drafts' }).click();
    await chooseFromContextMenu(s.page, amaraRow(), item);
  }

  it('edits the draft first: a text with &, ?, #, %, = and non-ASCII, saved', async () => {
    await contextMenu('Edit Draft');
    await tab().waitFor({ state: 'visible' });
    await s.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await s.page.keyboard.press('Control+End');
    await s.page.keyboard.type(ADDED);
    await s.page.keyboard.press('Control+S');
    await eventually(async () => !(await tab().getAttribute('class')).includes('dirty'), 'the draft saved');
    await s.page.keyboard.press('Control+W');
    await eventually(async () => !(await tab().isVisible()), 'the editor closed');
  });

  it('right-click → Send by Email…: asks the address once, and the mail app gets the subject and the text exactly', async () => {
    await contextMenu('Send by Email…');
    const input = await waitForQuickInput(s.page, "Amara Okafor's email address");
    assert.match(input.message + input.title, /Kept with Amara Okafor for next time/);
    await s.screenshot('e2e-send-by-email-address');
    await answerInput(s.page, 'amara.okafor@example.com');
    await eventually(async () => navigations.some((u) => u.startsWith('mailto:')), 'the mailto: link handed to the browser');
    const mails = navigations.filter((u) => u.startsWith('mailto:'));
    assert.equal(mails.length, 1, JSON.stringify(mails));
    const { to, fields } = readMailto(mails[0]);
    assert.equal(to, 'amara.okafor@example.com');
    assert.deepEqual(Object.keys(fields), ['subject', 'body'], 'nothing split the fields');
    assert.equal(fields.subject, 'Two sessions on financial acumen?');
    assert.ok(fields.body.startsWith('Hi Amara, I am working on developing my leadership skills'), fields.body);
    assert.ok(fields.body.endsWith(`check first?${ADDED}`), `the text arrives exactly: ${JSON.stringify(fields.body.slice(-80))}`);
  });

  it('marks nothing as sent by itself; offers Mark as Sent, which the person clicks', async () => {
    const rows = await treeItems(s.page, 'Outreach');
    assert.ok(rows.some((r) => r.label === 'Drafts'), 'still a draft');
    let offer;
    await eventually(async () => {
      offer = (await notificationItems(s.page)).find((n) => n.message.startsWith('Your mail app has the request to Amara Okafor'));
      return offer !== undefined;
    }, 'the offer to mark it as sent');
    assert.deepEqual(offer.buttons, ['Mark as Sent']);
    // The address is kept: the palette's Send by Email opens the mail app again without asking.
    await runCommand(s.page, 'Mentoring: Send by Email…');
    await pickItem(s.page, 'Amara Okafor', { title: 'Send by Email' });
    await eventually(async () => navigations.filter((u) => u.startsWith('mailto:amara.okafor@example.com?')).length === 2, 'a second mailto: link, to the kept address');
    // The notifications centre shows the offer as a person reads it; the button marks the request as sent.
    await s.page.locator('[id="status.notifications"]').click();
    const center = s.page.locator('.notifications-center');
    await center.waitFor({ state: 'visible' });
    await s.screenshot('e2e-send-by-email-offer');
    await center.locator('.monaco-list-row', { hasText: 'Your mail app has the request to Amara Okafor' }).first().locator('.monaco-button', { hasText: 'Mark as Sent' }).click();
    await eventually(async () => (await treeItems(s.page, 'Outreach')).some((r) => r.label === 'Amara Okafor' && /sent today/.test(r.description)), 'Amara under Awaiting reply, sent today');
    await s.page.keyboard.press('Escape');
    await s.screenshot('e2e-send-by-email-sent');
  });
});
