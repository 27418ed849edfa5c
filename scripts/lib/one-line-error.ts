/** An error that prints as its one line: a stack trace would bury the instruction it carries. */
export class OneLineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThiDua';
    this.stack = `${this.name}: ${message}`;
  }
}
