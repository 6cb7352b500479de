patmisc1 ; practical input validation with patterns
 for x="12345","1234","12345-6789","12345-678","ABCDE" write x," zip: ",x?5N.1(1"-"4N),!
 for x="John","john","JOHN","J0hn","Mary Ann","O'Neil" write x," name: ",x?1U.L.1(1" "1U.L),!
 for x="2024-02-29","24-02-29","2024/02/29","2024-2-29" write x," date: ",x?4N1"-"2N1"-"2N,!
 for x="3.14","-2","+7",".5","5.","1.2.3","","-" write "[",x,"] num: ",x?.1(1"+",1"-")1(1.N.1(1".".N),1"."1.N),!
 for x="a@b.c","ab.c","a@b" write x," email: ",x?1.E1"@"1.E1"."1.E,!
 quit
