import { expect } from 'chai';
import mysql from 'mysql2/promise';
import { findOrStartMariaDb } from '../../devtools/mariadb.js';

// Port 9 (discard) on loopback: nothing listens there on these machines.
const NOTHING_LISTENS = 'mysql://root@127.0.0.1:9';

describe('MariaDB test server', function () {
  this.timeout(90_000);

  it('starts a private mariadbd on a free port when none answers, and removes it on stop', async () => {
    const server = await findOrStartMariaDb({ url: NOTHING_LISTENS });
    try {
      expect(server.isPrivate).to.equal(true);
      expect(server.url).to.not.equal(NOTHING_LISTENS);
      const connection = await mysql.createConnection({ uri: server.url });
      const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
      await connection.end();
      expect(String(rows[0]?.version)).to.match(/MariaDB|^\d/);
    } finally {
      await server.stop();
    }
    let reachable = true;
    await mysql.createConnection({ uri: server.url, connectTimeout: 1000 }).then((c) => c.end(), () => (reachable = false));
    expect(reachable).to.equal(false);
  });

  it('fails with one sentence that says what to install when there is neither a server nor a binary', async () => {
    let message = '';
    await findOrStartMariaDb({ url: NOTHING_LISTENS, binaryDirs: ['/nonexistent'] }).catch((error: Error) => (message = error.message));
    expect(message).to.match(/No MySQL\/MariaDB server answers at .*apt-get install mariadb-server/);
  });
});
