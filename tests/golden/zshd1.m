zshd1 ; ZSHOW "D" into a local: the principal device line names 0
 zshow "D":d
 write "first line starts with 0: ",$extract(d("D",1),1,2)="0 ",!
 write "has OPEN: ",d("D",1)[" OPEN ",!
 write "$principal is 0: ",$principal=0,!
 write "$io=$principal: ",$io=$principal,!
 quit
