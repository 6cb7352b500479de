sum ; the total of all accounts
 new i,s set s=0,i=""
 for  set i=$order(^ACCT(i)) quit:i=""  set s=s+^ACCT(i)
 write s,!
 quit
