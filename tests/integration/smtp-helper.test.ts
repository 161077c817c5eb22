import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '../support/smtp-server';

describe('the test SMTP server', () => {
  it('receives what nodemailer sends over real SMTP and parses it', async () => {
    const smtp = await startTestSmtpServer();
    afterAll(() => smtp.close());
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });

    await transport.sendMail({
      from: 'Kurssipolku <no-reply@kurssipolku.example>',
      to: 'osallistuja@test.example',
      subject: 'Kurssikutsu: Arkeen Voimaa, Lapua',
      text: 'Tervetuloa kurssille!',
      icalEvent: {
        method: 'REQUEST',
        content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n',
      },
    });

    const [message] = await smtp.waitForMessages(1);
    expect(message!.envelopeTo).toEqual(['osallistuja@test.example']);
    expect(message!.subject).toBe('Kurssikutsu: Arkeen Voimaa, Lapua');
    expect(message!.text?.trim()).toBe('Tervetuloa kurssille!');
    const calendarPart = message!.attachments.find((part) => part.contentType === 'text/calendar');
    expect(calendarPart?.content.toString()).toContain('METHOD:REQUEST');
  });

  it('can answer with a permanent failure, for testing how sending handles it', async () => {
    const smtp = await startTestSmtpServer({ rejectWith: { code: 550, message: 'No such user' } });
    afterAll(() => smtp.close());
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    await expect(
      transport.sendMail({ from: 'a@test.example', to: 'b@test.example', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(smtp.messages).toHaveLength(0);
  });
});
