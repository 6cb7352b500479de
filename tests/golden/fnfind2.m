fnfind2 ; $FIND in loops: count and locate all occurrences, overlapping
 set s="banana",n=0,p=0
 for  set p=$find(s,"a",p) quit:'p  set n=n+1 write "a ends at ",p,!
 write "count a=",n,!
 set n=0,p=0
 for  set p=$find(s,"ana",p) quit:'p  set n=n+1
 write "count ana (non-overlapping)=",n,!
 set n=0,p=1
 for  set q=$find(s,"ana",p) quit:'q  set n=n+1,p=q-2
 write "count ana (overlapping)=",n,!
 write "$f(""aaa"",""aa"")=",$find("aaa","aa"),!
 write "$f(""aaa"",""aa"",2)=",$find("aaa","aa",2),!
 write "$f(""aaa"",""aa"",3)=",$find("aaa","aa",3),!
 quit
