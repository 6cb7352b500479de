extrtn1 ; $$label^routine extrinsics
 write "double=",$$double^extother1(21),!
 write "neg=",$$neg^extother1(5),!
 write "sum=",$$sum^extother1(10),!
 write "nested=",$$double^extother1($$neg^extother1($$sum^extother1(3))),!
 set s=99,i=7
 write "sum(4)=",$$sum^extother1(4)," s=",s," i=",i,!
 write "len=",$length($$lines^extother1()),!
 quit
