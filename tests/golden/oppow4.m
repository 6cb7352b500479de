oppow4 ; integer powers: exact up to 18 digits, then truncated; fractional powers
 write "2**50=",2**50,!
 write "2**57=",2**57,!
 write "2**60=",2**60,!
 write "2**62=",2**62,!
 write "2**64=",2**64,!
 write "3**38=",3**38,!
 write "7**21=",7**21,!
 write "7**22=",7**22,!
 write "11**17=",11**17,!
 write "11**18=",11**18,!
 write "2**100=",2**100,!
 write "2**-3=",2**-3,!
 write "3**-1=",3**-1,!
 write "3**-2=",3**-2,!
 write "10**-5=",10**-5,!
 write "1.1**2=",1.1**2,!
 write "1.1**10=",1.1**10,!
 write "1.5**-2=",1.5**-2,!
 write "(-3)**3=",(-3)**3,!
 write "(-2)**-2=",(-2)**-2,!
 write """2""**""3abc""=","2"**"3abc",!
 write "2**""""=",2**"",!
 quit
