// Runs once, when the data volume is empty (/docker-entrypoint-initdb.d), as the root user.
// The API's user may read and write its own database only (rate-limit counters included).
const fs = require("fs");

const database = process.env.CLAIMDESK_DB || "claimdesk";
const user = process.env.CLAIMDESK_DB_USER || "claimdesk";
const password = fs.readFileSync("/run/secrets/mongo_app_password", "utf8").trim();

db.getSiblingDB(database).createUser({
  user: user,
  pwd: password,
  roles: [{ role: "readWrite", db: database }],
});
print(`created MongoDB user ${user} with readWrite on ${database}`);
