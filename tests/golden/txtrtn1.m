txtrtn1 ; $TEXT with ^routine
 write "first of xxlib1: ",$text(^xxlib1),!
 write "+1^xxlib1: ",$text(+1^xxlib1),!
 write "add^xxlib1: ",$text(add^xxlib1),!
 write "add+1^xxlib1: ",$text(add+1^xxlib1),!
 write "+0^xxlib1: ",$text(+0^xxlib1),!
 write "missing label: [",$text(zz^xxlib1),"]",!
 write "missing routine: [",$text(+1^txtnosuch),"]",!
 set n=0 for i=1:1 quit:$text(+i^xxlib1)=""  set n=n+1
 write "lines in xxlib1: ",n,!
 quit
