/* global document, window, DOMParser, Element, Node */
// The body (正文) editor of the back office, progressive enhancement only: without JavaScript the form has a plain
// textarea (plain text or HTML, see the form's hint); with it, a toolbar and an editable area in its place. The
// area's HTML is written back into the textarea when the form is sent (the server sanitises it as any body), and
// "HTML源码" shows the textarea itself. Served from /static/editor.js (CSP: script-src 'self'); no dependency.
// Commands go through document.execCommand, which every browser still implements and which keeps the native
// undo history (Ctrl+Z / 撤销 undo toolbar commands and typing alike).

/** Toolbar buttons: label, command, value. */
const COMMANDS = [
  ['段落', 'formatBlock', 'p'],
  ['标题', 'formatBlock', 'h2'],
  ['小标题', 'formatBlock', 'h3'],
  ['加粗', 'bold'],
  ['项目列表', 'insertUnorderedList'],
  ['编号列表', 'insertOrderedList'],
  ['表格', 'table'],
  ['链接', 'link'],
  ['撤销', 'undo'],
  ['重做', 'redo'],
];

/** Elements and attributes never loaded into the editable area (the server drops them too). */
const DROPPED = 'script,style,iframe,object,embed,template,link,meta,form,input,button,textarea,select';

/** The same rule as the server (domain/publications/body-text.ts): a body beginning with a tag is HTML. */
const LEADING_TAG =
  /^(?:<!--|<!doctype\s|<(?:p|div|section|article|header|footer|main|aside|nav|h[1-6]|ul|ol|li|dl|table|blockquote|pre|hr|br|figure|img|a|strong|b|em|i|u|s|span|code|sub|sup|font|center|html|body|style|script)(?=[\s/>]))/i;

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text as paragraphs (blank lines) and line breaks, as the server reads it. */
function plainTextToHtml(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[^\S\n]*\n)+/)
    .map((p) => p.replace(/\s+$/, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('\n');
}

/** The textarea's body as an inert fragment for the editable area: nothing runs, nothing loads. */
function toFragment(value) {
  const html = LEADING_TAG.test(value.trimStart()) ? value : plainTextToHtml(value);
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const el of doc.body.querySelectorAll(DROPPED)) el.remove();
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || attr.name === 'style' || /^\s*javascript:/i.test(attr.value)) {
        el.removeAttribute(attr.name);
      }
    }
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  return fragment;
}

const INLINE = /^(#text|a|b|strong|i|em|u|s|span|code|sub|sup|br|img|font)$/i;

/** The editable area's HTML: loose text and inline elements at the top level wrapped in paragraphs. */
function serialize(area) {
  const out = document.createElement('div');
  let para = null;
  for (const node of [...area.childNodes]) {
    const copy = node.cloneNode(true);
    if (INLINE.test(node.nodeName)) {
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim() === '' && !para) continue;
      para ??= out.appendChild(document.createElement('p'));
      para.appendChild(copy);
    } else {
      para = null;
      // Browsers make a <div> of each new line when no paragraph separator applies: a paragraph.
      if (node.nodeName === 'DIV' && !node.querySelector('div,p,table,ul,ol,h2,h3,h4,h5,h6')) {
        const p = document.createElement('p');
        p.append(...copy.childNodes);
        out.appendChild(p);
      } else out.appendChild(copy);
    }
  }
  // Empty paragraphs (what an emptied area keeps) are dropped.
  for (const p of out.querySelectorAll('p')) if (p.textContent.trim() === '' && !p.querySelector('img')) p.remove();
  return out.innerHTML.trim();
}

function run(area, command, value) {
  area.focus();
  if (command === 'link') {
    const href = window.prompt('链接地址（http://、https://、mailto: 或以 / 开头的站内地址）', 'https://');
    if (!href || href === 'https://') return;
    if (!/^(https?:\/\/|mailto:|\/(?!\/))/i.test(href.trim())) {
      window.alert('链接地址应以 http://、https://、mailto: 或 / 开头');
      return;
    }
    document.execCommand('createLink', false, href.trim());
  } else if (command === 'table') {
    const cells = (tag) => `<tr>${`<${tag}><br></${tag}>`.repeat(3)}</tr>`;
    document.execCommand(
      'insertHTML',
      false,
      `<table><tbody>${cells('th')}${cells('td')}${cells('td')}</tbody></table><p><br></p>`,
    );
  } else {
    document.execCommand(command, false, value);
  }
}

/** Arrow keys, Home and End move between the toolbar's buttons; Tab leaves it (one tab stop). */
function rovingFocus(toolbar) {
  const buttons = () => [...toolbar.querySelectorAll('button:not([disabled])')];
  toolbar.addEventListener('keydown', (e) => {
    const list = buttons();
    const at = list.indexOf(document.activeElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = list[(to + list.length) % list.length];
    for (const b of list) b.tabIndex = b === next ? 0 : -1;
    next.focus();
  });
}

function enhance(textarea) {
  const label = document.getElementById(textarea.dataset.richEditor);
  const toolbar = document.createElement('div');
  toolbar.className = 'editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', '编辑工具');
  const area = document.createElement('div');
  area.id = `${textarea.id}-rich`;
  area.className = 'editor-area';
  area.contentEditable = 'true';
  area.setAttribute('role', 'textbox');
  area.setAttribute('aria-multiline', 'true');
  for (const a of ['aria-describedby', 'aria-invalid']) {
    if (textarea.hasAttribute(a)) area.setAttribute(a, textarea.getAttribute(a));
  }
  toolbar.setAttribute('aria-controls', area.id);
  const commandButtons = COMMANDS.map(([text, command, value]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = text;
    if (command === 'bold') b.setAttribute('aria-pressed', 'false');
    // The selection stays in the area while a button is pressed with the mouse.
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', () => run(area, command, value));
    b.dataset.command = command;
    return b;
  });
  const source = document.createElement('button');
  source.type = 'button';
  source.className = 'secondary';
  source.textContent = 'HTML源码';
  source.setAttribute('aria-pressed', 'false');
  toolbar.append(...commandButtons, source);
  rovingFocus(toolbar);

  // One control carries the label at a time: the editable area, or the textarea while the source is shown.
  const show = (rich) => {
    area.hidden = !rich;
    textarea.hidden = rich;
    source.setAttribute('aria-pressed', String(!rich));
    for (const b of commandButtons) b.disabled = !rich;
    // The toolbar's one tab stop is a button that works in this mode.
    for (const b of [...commandButtons, source]) b.tabIndex = b === (rich ? commandButtons[0] : source) ? 0 : -1;
    if (rich) {
      area.replaceChildren(toFragment(textarea.value));
      label?.removeAttribute('for');
      if (label) area.setAttribute('aria-labelledby', label.id);
    } else {
      textarea.value = serialize(area);
      area.removeAttribute('aria-labelledby');
      label?.setAttribute('for', textarea.id);
    }
  };
  source.addEventListener('click', () => {
    show(area.hidden);
    (area.hidden ? textarea : area).focus();
  });
  label?.addEventListener('click', () => {
    if (!area.hidden) area.focus();
  });
  // The error summary's link to the body goes to the control shown.
  document.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest(`a[href="#${textarea.id}"]`) : null;
    if (!link || area.hidden) return;
    e.preventDefault();
    area.focus();
    area.scrollIntoView({ block: 'center' });
  });
  // 加粗 says whether the selection is bold: when the selection moves, and as soon as a command has run.
  const bold = commandButtons.find((b) => b.dataset.command === 'bold');
  const showState = () => {
    if (area.contains(document.getSelection()?.anchorNode ?? null)) {
      bold.setAttribute('aria-pressed', String(document.queryCommandState('bold')));
    }
  };
  document.addEventListener('selectionchange', showState);
  for (const b of commandButtons) b.addEventListener('click', showState);
  area.addEventListener('focus', () => {
    document.execCommand('defaultParagraphSeparator', false, 'p');
    document.execCommand('styleWithCSS', false, false);
  });
  textarea.form?.addEventListener('submit', () => {
    if (!area.hidden) textarea.value = serialize(area);
  });
  textarea.before(toolbar, area);
  show(true);
}

for (const textarea of document.querySelectorAll('textarea[data-rich-editor]')) enhance(textarea);
