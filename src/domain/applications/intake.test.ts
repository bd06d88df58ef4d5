import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localDate as D } from '../core/local-date.js';
import { CHANNELS } from './application.js';
import { emailError, phoneError, postcodeError, residentIdCheckChar, residentIdError } from './contact-checks.js';
import { RECEIPT_DATE_FIELD, receiptDate, validateApplication, type ApplicationForm } from './intake.js';

const person: ApplicationForm = {
  applicant: {
    type: 'natural_person',
    name: ' 张三 ',
    idType: 'resident_id',
    idNumber: '11010519491231002x',
    phone: '138 1234 5678',
  },
  description: '2024年某路段改造工程的立项批复',
  carrier: 'electronic',
  delivery: 'online',
};
const company: ApplicationForm = {
  applicant: {
    type: 'legal_person',
    subtype: 'business',
    name: '某某科技有限公司',
    idNumber: '91350100M000100Y43',
    contactPerson: '李四',
    email: 'li@example.com',
  },
  description: '某地块出让合同',
  carrier: 'paper',
  delivery: 'email',
};
const errorsOf = (form: ApplicationForm): Record<string, string> => {
  const result = validateApplication(form);
  return result.ok ? {} : result.error;
};

describe('validateApplication (art. 29)', () => {
  it('should refuse web addresses and line breaks in names, and keep ordinary names', () => {
    const named = (name: string, contactPerson = '李四') => ({
      ...company,
      applicant: { ...company.applicant, name, contactPerson },
    });
    for (const spam of [
      '张三 https://spam.example',
      '领奖请访问 www.prize.example',
      'win-big.com 客服',
      '张三\n点击领奖',
    ]) {
      assert.match(errorsOf(named(spam))['applicant.name'] ?? '', /网址|换行/, spam);
    }
    assert.match(errorsOf(named('某某公司', '李四\r\n客服'))['applicant.contactPerson'] ?? '', /换行/);
    for (const ok of ['某某科技有限公司', 'Zhang San', '厦门市思明区某某协会（筹）', "O'Brien Ltd."]) {
      assert.equal(errorsOf(named(ok))['applicant.name'], undefined, ok);
    }
  });

  it('should accept and normalize a natural person', () => {
    const result = validateApplication(person);
    assert.ok(result.ok, JSON.stringify(result.ok ? {} : result.error));
    assert.equal(result.value.applicant.name, '张三');
    assert.equal(result.value.applicant.idNumber, '11010519491231002X');
    assert.equal(result.value.applicant.phone, '13812345678');
    assert.equal(result.value.applicant.subtype, null);
    assert.equal(result.value.request.delivery, 'online');
  });

  it('should accept a legal person with subtype, credit code and contact person', () => {
    const result = validateApplication(company);
    assert.ok(result.ok, JSON.stringify(result.ok ? {} : result.error));
    assert.equal(result.value.applicant.idType, null);
    assert.equal(result.value.applicant.subtype, 'business');
  });

  it('should report every missing field at once, in Chinese', () => {
    const errors = errorsOf({});
    assert.deepEqual(Object.keys(errors).sort(), [
      'applicant.name',
      'applicant.phone',
      'applicant.type',
      'carrier',
      'delivery',
      'description',
    ]);
    assert.match(errors['applicant.phone'] ?? '', /至少填写联系电话、电子邮箱或通信地址/);
  });

  it('should require an identity document for a natural person', () => {
    const errors = errorsOf({ ...person, applicant: { ...person.applicant, idType: '', idNumber: '' } });
    assert.ok(errors['applicant.idType']);
    assert.equal(errors['applicant.idNumber'], '请填写身份证件号码');
  });

  it('should check the resident ID number and the credit code', () => {
    assert.match(
      errorsOf({ ...person, applicant: { ...person.applicant, idNumber: '110105194912310021' } })[
        'applicant.idNumber'
      ] ?? '',
      /校验位/,
    );
    assert.match(
      errorsOf({ ...company, applicant: { ...company.applicant, idNumber: '91350100M000100Y4A' } })[
        'applicant.idNumber'
      ] ?? '',
      /校验位/,
    );
  });

  it('should accept a passport number without the resident-ID check', () => {
    assert.deepEqual(
      errorsOf({ ...person, applicant: { ...person.applicant, idType: 'passport', idNumber: 'E12345678' } }),
      {},
    );
  });

  it('should require subtype and contact person for a legal person', () => {
    const errors = errorsOf({ ...company, applicant: { ...company.applicant, subtype: undefined, contactPerson: '' } });
    assert.ok(errors['applicant.subtype']);
    assert.equal(errors['applicant.contactPerson'], '请填写联系人');
  });

  it('should check each contact detail given', () => {
    const errors = errorsOf({
      ...person,
      applicant: { ...person.applicant, phone: '12345', email: 'a@b', postcode: '1000' },
    });
    assert.ok(errors['applicant.phone']);
    assert.ok(errors['applicant.email']);
    assert.equal(errors['applicant.postcode'], '邮政编码应为6位数字');
  });

  it('should need an address for post and an email for email delivery', () => {
    assert.ok(errorsOf({ ...person, delivery: 'post' })['applicant.address']);
    assert.ok(errorsOf({ ...person, delivery: 'email' })['applicant.email']);
  });

  it('should reject unknown choices and overlong text', () => {
    const errors = errorsOf({ ...person, carrier: 'floppy', description: '字'.repeat(5001) });
    assert.ok(errors.carrier);
    assert.match(errors.description ?? '', /不能超过5000个字/);
  });
});

describe('identity and contact checks', () => {
  it('should compute the ISO 7064 MOD 11-2 check digit', () => {
    assert.equal(residentIdCheckChar('11010519491231002'), 'X');
    assert.equal(residentIdCheckChar('44052418800101001'), '4'); // the example of GB 11643-1999
    assert.equal(residentIdCheckChar('44052419800101001'), '3');
    assert.equal(residentIdCheckChar('1234'), null);
  });

  const ids: [string, boolean][] = [
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['440524198001010013', true],
    ['440524188001010014', false], // the standard's own example, but born before 1900
    ['110105194912310021', false], // wrong check digit
    ['11010519491331002X', false], // month 13
    ['110105194902300025', false], // 30 February
    ['01010519491231002X', false], // region cannot start with 0
    ['1101051949123100', false], // 16 characters
  ];
  for (const [id, valid] of ids) {
    it(`should ${valid ? 'accept' : 'reject'} resident ID ${id}`, () => {
      assert.equal(residentIdError(id) === null, valid);
    });
  }

  const phones: [string, boolean][] = [
    ['13812345678', true],
    ['+86 138 1234 5678', true],
    ['010-12345678', true],
    ['(0571)87654321', true],
    ['0512-6512345-802', true],
    ['12812345678', false],
    ['1381234567', false],
    ['12345678', false], // landline without area code
  ];
  for (const [phone, valid] of phones) {
    it(`should ${valid ? 'accept' : 'reject'} phone ${phone}`, () => {
      assert.equal(phoneError(phone) === null, valid);
    });
  }

  it('should check email addresses and postcodes', () => {
    assert.equal(emailError('zhang.san@example.com.cn'), null);
    assert.ok(emailError('zhang san@example.com'));
    assert.ok(emailError('zhang@localhost'));
    assert.equal(postcodeError('100010'), null);
    assert.ok(postcodeError('10001'));
  });
});

describe('receiptDate (art. 31)', () => {
  const dates = { submittedOn: D('2025-09-26'), signedForOn: D('2025-09-29'), confirmedOn: D('2025-09-30') };
  const expected: Record<(typeof CHANNELS)[number], string> = {
    in_person: '2025-09-26',
    online: '2025-09-26',
    registered_mail: '2025-09-29',
    ordinary_mail: '2025-09-30',
    fax: '2025-09-30',
    email: '2025-09-30',
  };
  for (const channel of CHANNELS) {
    it(`should take the ${RECEIPT_DATE_FIELD[channel]} for ${channel}`, () => {
      const result = receiptDate(channel, dates);
      assert.ok(result.ok);
      assert.equal(result.value, expected[channel]);
    });
  }

  it('should keep a receipt date that is not a working day', () => {
    const result = receiptDate('in_person', { submittedOn: D('2025-10-04') });
    assert.ok(result.ok);
    assert.equal(result.value, '2025-10-04');
  });

  it('should name the date a channel needs when it is missing', () => {
    const result = receiptDate('registered_mail', { submittedOn: D('2025-09-26') });
    assert.ok(!result.ok);
    assert.match(result.error.message, /签收日期/);
  });

  it('should refuse a confirmation before the submission', () => {
    assert.ok(!receiptDate('fax', { submittedOn: D('2025-09-26'), confirmedOn: D('2025-09-25') }).ok);
  });
});
