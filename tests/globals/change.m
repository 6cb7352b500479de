change ; the other process of watch.m
 set ^W(1)="new",^W(2)="b" kill ^W(3)
 write "done",!
 quit
