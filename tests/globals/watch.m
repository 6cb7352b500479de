watch ; reads, waits while another process commits changes, reads again: every read after
 ; the wait must see them (a snapshot or cursor kept from the first reads must not answer)
 new line
 set ^W(1)="a",^W(3)="c"
 write $get(^W(1))," ",$order(^W(1))," ",$data(^W(3))," ",$query(^W(1)),!
 write "ready",!
 read line
 write $get(^W(1))," ",$order(^W(1))," ",$order(^W(2))," ",$data(^W(3))," ",$query(^W(1)),!
 quit
